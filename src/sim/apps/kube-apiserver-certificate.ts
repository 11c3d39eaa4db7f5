/**
 * The lab's kube-apiserver serving certificate, as kubeadm issues it: RSA-2048 leaf `CN=kube-apiserver`
 * signed by the cluster CA `CN=kubernetes`, SANs = the control-plane host name, the kubernetes Service
 * names, the first service IP 10.96.0.1 and the advertise address 172.25.250.100; leaf valid 1 year,
 * CA 10 years, from the lab's kubeadm init (3 days before the lab clock starts).
 * SRC: kubernetes cmd/kubeadm/app/phases/certs/certlist.go KubeadmCertAPIServer + pkiutil GetAPIServerAltNames (v1.31).
 * Generated once with @peculiar/x509 for the simulator (a real cluster makes its own at `kubeadm init`);
 * the key lets serve mode terminate real TLS. Clients trust it only with the CA (`curl --cacert ca.crt`).
 */

/** The serving certificate (leaf only: kubeadm's apiserver.crt carries no chain), PEM. */
export const APISERVER_CERT_PEM = `-----BEGIN CERTIFICATE-----
MIIDiTCCAnGgAwIBAgIIWhssPU5fYHEwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNDA5MDMwNjI0NTdaFw0yNTA5MDMwNjI0NTdaMBkx
FzAVBgNVBAMTDmt1YmUtYXBpc2VydmVyMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A
MIIBCgKCAQEAq3pGQkeOcdka5114ck7C4DvRV2qQ7wrN9wkSgRsfgvkpEs2e89I5
8YLr81cnP/OFEmrTT89zvtt9sZKUPKU8PaSLPPI2gevYtM91ShR/SJz2QJXaximb
CJ9LGwCgoiunFtHdNP3LXuO2NYO8UB9dieeBNHklG8wJdWoB5t5uUjcb1IedYjq0
5YYgFznc9htHFcFH6LIEciYUqn6izXJFnavdgb0y91iRg25Ypb0WHJRhbaix2t0x
UPL2/PsqwWPf6Z8If4hsntaF823cKDJVqqAdjTkhVc+50lDp9fw8jygObTmDYZBw
Kexrxr5JaSVwn3FCAkNm6+62Vlfe4je14wIDAQABo4HYMIHVMA4GA1UdDwEB/wQE
AwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATAMBgNVHRMBAf8EAjAAMB8GA1UdIwQY
MBaAFBjFb20waZuy1JZmKN4+AORdZ5YLMH8GA1UdEQR4MHaCCms4cy1tYXN0ZXKC
Cmt1YmVybmV0ZXOCEmt1YmVybmV0ZXMuZGVmYXVsdIIWa3ViZXJuZXRlcy5kZWZh
dWx0LnN2Y4Ika3ViZXJuZXRlcy5kZWZhdWx0LnN2Yy5jbHVzdGVyLmxvY2FshwQK
YAABhwSsGfpkMA0GCSqGSIb3DQEBCwUAA4IBAQANTkoBW1eQVLqkOiULdqV/iw1d
NOJll/NaEI37nrdnrlFb/CgbWlt+qfZ5jwX7V1cfCIO2QuLDq7Zsf8lYjYdWeP9v
UOyR2yoDszUb3AL0/8/mDT0S8nJx/d3LrzX9HoWcwdIgxLdeTsm6qH1tlyBg800h
FKF089APUsASDxIsRyJqX9V01iVvzGENhpG806InT5O8j1qekYC6lhlAORhNWpqe
fsFFsar3q6FEs3A2ZnM3rvl3ckIvGAxAcmbHhlcLdv3hz+b3Xzsey+QCkSf8TpxV
5NpBDXOFKFZ/lMw2mPD7lYWvUlTI5IWdkooVNQiCdzNwPouuADv9ya5GvQMI
-----END CERTIFICATE-----
`;

/** The cluster CA (/etc/kubernetes/pki/ca.crt) that signed it, PEM. */
export const CLUSTER_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIC5zCCAc+gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl
cm5ldGVzMB4XDTI0MDkwMzA2MjQ1N1oXDTM0MDkwMTA2MjQ1N1owFTETMBEGA1UE
AxMKa3ViZXJuZXRlczCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAIyo
vTMtPenS3eYQjTJiVasYOVfeqnjZWajj4KUSKNkrHYRnJQ+61BVIaX8mchL6iJL5
OpFDuvvlApvYWriLtPGjjfMufmm/PFiHUrsRnXPVHPAxVDI1JHnkskRBGTPUU1Y1
JV6aZlyTTb6VBLVoHjby2sVdRwMjyifaemAmtZFRO8eVesPzLCMtdRkePsJteTE8
jRlaz+3ysqWoSzDMu9TUQYDac8Te1gIren56tICaNFfNBMYYVxL6sLPeTOi5mmns
swW90j4U3v+dRVQswvuDcZVx5ZHn6o5Mxk3zUwS9sAiX/tD/0rJxIxZFd3rnLfQQ
QWqcRMlLkKWWBaKtoSsCAwEAAaNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8B
Af8EBAMCAqQwHQYDVR0OBBYEFBjFb20waZuy1JZmKN4+AORdZ5YLMA0GCSqGSIb3
DQEBCwUAA4IBAQCAIe3SLa0mBmStj/V71tOStThzph+mVT4zQepdzbYRx/AH+euh
plmiZJNEn5CjoeMVK2ohVohuiG/diMWjps4J1t5fsydq1OpscWL3k7WZv1pT0K56
Hhy9xid9Dy+FhqtA2cS+MCGt/KvbIc+z6m/+U1B19EJNeJwaPVYVmCnN8XRu/Rzd
NNq4ueI+YKX633ZTdpylav4F/7cERxUeBdiiNgzTaOqyVo77tENAy9Jn8JZFu+Vn
rkJRwxOGcx+w9oUK6Ed/sW2cZedaEBx4LlE4JxQV/+n8Ozachrr0Y9MWXiQAqa86
IYHfRMzbyX/ePw5ydUcytW4/04c60aIGvrAF
-----END CERTIFICATE-----
`;

/** The leaf's PKCS#8 private key, PEM. */
export const APISERVER_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQCrekZCR45x2Rrn
XXhyTsLgO9FXapDvCs33CRKBGx+C+SkSzZ7z0jnxguvzVyc/84USatNPz3O+232x
kpQ8pTw9pIs88jaB69i0z3VKFH9InPZAldrGKZsIn0sbAKCiK6cW0d00/cte47Y1
g7xQH12J54E0eSUbzAl1agHm3m5SNxvUh51iOrTlhiAXOdz2G0cVwUfosgRyJhSq
fqLNckWdq92BvTL3WJGDblilvRYclGFtqLHa3TFQ8vb8+yrBY9/pnwh/iGye1oXz
bdwoMlWqoB2NOSFVz7nSUOn1/DyPKA5tOYNhkHAp7GvGvklpJXCfcUICQ2br7rZW
V97iN7XjAgMBAAECggEAQzBq/SdqkgNefk9qlWd1BkWJ9jWkSnWyVFxyqrHE/B3C
0UJOSP0ThSUmbLe2gmFZv+ipmbkQgjUgoAZuHQElhIXHpP7HCssto1Mygu9bHEmc
V5wgF8tPmuZHmHH7fu+ZzeA3S78yA6E30OooTECt9w4F21ioiKa/AgmiayK2mXGn
ey1Z9Amj6a82xSg9d5yzzGY1FOdEwnhlad0epLp3ECaYUuAGFP0FX5Gdas3kl5Lt
P838VA0Pip4hgiMZ7BPMH/rfzqDss5z2P1Z9PeKCHhKxran/m0+Q8qR1XdvOS8sU
YtakgqGcPmgOQiLT/MOhCH8nC6kwgMZYGCTHietdmQKBgQDmrOzpOEUehjdeFXzr
KLZADD7TjBeRNyK3TQ6akBlyNYc10tEJM7up75F0yjWUm/tOHLDEsyZbsfwEzJst
RHoWjHZ9UUlZK+FhZUCpBZXoU1tHSwt+l7TRyswWR7s1/V3FmhA+w/lbjV+uvD1V
M7HSDavS/OBFThw6mRo6NygHDwKBgQC+TZvUOJkkpmWh+NDEYksfkgc64MWeyekd
6w4mMFDsGrxISHH9lx6C0pbi4FnxSGBShh9A8jmx2DYUeHJLCW6xxNkw0IIivxiT
KTsPqTK+Q+4yYXHsGmYILZZaSsd9OjJci3jecCtLXMYI9HDh3pVjIa9tGU2tBtHY
vMN2pKwD7QKBgFx+HghtnZldq7m31/zauCj6P/7G/3QkrXDeHuruuKVIvUxhmZuc
+LRs8N/pbI6H9L4fVumoA8tklG7AM8B04pdD/wbEnyp4I8jPtpuPN8qOEd2GQ7eg
0MoGDMsqO/CsBPuEiNsB7Ww+RY1kwRr2vWhCPxE8gBiJ91uvpAqPrycVAoGAXCpC
Ghn/MVzVRAi5MyNXtsaGceGCVFD9cdvxUlV8G50nKurLKkISKNHM+bwmU1D2NYF3
iYDGqHdKWcersuOylK39ckLJhAKA6GTDkeYkCTnlFslS30I5wCQz+S7WRrP0yBVU
SIaSsUEROC0KrpmaSBR8XZ4vnGj9ILbrA37lQFECgYAIocFVFIO/u/JA1bAzYgoO
4OlsLrwXqhsqFRWc/BNiP5v+UWeD86rDBiB2VFZAANg7YQfcqEZq9Qm361ALzClO
HvqeI+mECgNn6JpRu76J3VAIzKKo9dA/j97FXfVwLv3pF9wipMsGnPtXXEvvRmaa
P/pXWAZ9YSnwUzbllvZiPw==
-----END PRIVATE KEY-----
`;
