/**
 * The controller's generated default ("fake") certificate and its key: self-signed RSA-2048,
 * Subject/Issuer `O=Acme Co, CN=Kubernetes Ingress Controller Fake Certificate`, SAN `DNS:ingress.local`,
 * KeyUsage keyEncipherment+digitalSignature (critical), ExtKeyUsage serverAuth, BasicConstraints CA:FALSE
 * (critical), sha256WithRSAEncryption, valid 365 days; the key PEM-encoded as PKCS#1 ("RSA PRIVATE KEY").
 * SRC: ingress-nginx internal/net/ssl/ssl.go getFakeHostSSLCert (controller-v1.11.2).
 * The real controller makes a new pair at every start; the simulator uses this one, generated once
 * (with @peculiar/x509 and node webcrypto, notBefore = the lab's start instant 2024-09-06T06:24:57Z)
 * so runs stay reproducible. The key lets serve mode terminate real TLS with it.
 */

/** PEM of the fake certificate. */
export const FAKE_CERTIFICATE_PEM = `
-----BEGIN CERTIFICATE-----
MIIDbzCCAlegAwIBAgIQej+cLlsdTm+KCyxNbo8KGzANBgkqhkiG9w0BAQsFADBL
MRAwDgYDVQQKEwdBY21lIENvMTcwNQYDVQQDEy5LdWJlcm5ldGVzIEluZ3Jlc3Mg
Q29udHJvbGxlciBGYWtlIENlcnRpZmljYXRlMB4XDTI0MDkwNjA2MjQ1N1oXDTI1
MDkwNjA2MjQ1N1owSzEQMA4GA1UEChMHQWNtZSBDbzE3MDUGA1UEAxMuS3ViZXJu
ZXRlcyBJbmdyZXNzIENvbnRyb2xsZXIgRmFrZSBDZXJ0aWZpY2F0ZTCCASIwDQYJ
KoZIhvcNAQEBBQADggEPADCCAQoCggEBAOLsDZAfIlEN/DuaJdKB4qygzaJHee+z
sR+NzhuJhoRAfknZmM3aEMLhWLp0QBr1kb0bq82EQV9UKUUt2GE04Mn8Es+eIsDc
Jph4VJkNHDfTqKAPJNVzzBCuBK9k/r9yKX21brjfL46ShcxJ8IIiw16Eju9q9ckH
4ZaDrIUiE6MmCJQPQ8sRv6ZqFOujW8EAHwZavHcHUdEeog8DQTpABHLmezgf31AH
/dstOO8RWJXGVe3rUyTu0GxDM4148FlZYNbnA9hJhjVGVfMDYfpV3YQuPmo7Egyv
zWrta3E77j+Y0QglCcF65g3dqAYyOQ7m6EuC+rSLSHJWPMPnGxyd/rECAwEAAaNP
ME0wDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsGAQUFBwMBMAwGA1UdEwEB
/wQCMAAwGAYDVR0RBBEwD4INaW5ncmVzcy5sb2NhbDANBgkqhkiG9w0BAQsFAAOC
AQEAapJWNnn4NR7mxYTztV+cnwB8RTj7kbY9F2rp4+Q08qlHmmSz/RQocW40jiza
XnPyBz4eZTxCQobdNc+iqnPX4QUK0wZWQ63+fsCJQdg3qYQKNYP6fzoNwcwsPw90
UPda/eX+/n5z3y0MlMlrtlkh47FiHrwOFoZ+T67aE0HZk2k0ajLayCZtLAj1ieKc
S1y4xh2bjY0sq/RZeuy6VpDNZ3Q6WlIHVp1qBK3VJk4AlPd/mC3i1H1IOv/7K+Hz
E4R6rtW9sj98+2h46A12qZArcLfyo4RseZfb8c15ms4m8j2zsioXCkryB0OoNkLU
zSLys+alFWscwqLiWkFFFqD0XQ==
-----END CERTIFICATE-----
`.trimStart();

/** PEM (PKCS#1) of the fake certificate's private key. */
export const FAKE_CERTIFICATE_KEY_PEM = `
-----BEGIN RSA PRIVATE KEY-----
MIIEpQIBAAKCAQEA4uwNkB8iUQ38O5ol0oHirKDNokd577OxH43OG4mGhEB+SdmY
zdoQwuFYunRAGvWRvRurzYRBX1QpRS3YYTTgyfwSz54iwNwmmHhUmQ0cN9OooA8k
1XPMEK4Er2T+v3IpfbVuuN8vjpKFzEnwgiLDXoSO72r1yQfhloOshSIToyYIlA9D
yxG/pmoU66NbwQAfBlq8dwdR0R6iDwNBOkAEcuZ7OB/fUAf92y047xFYlcZV7etT
JO7QbEMzjXjwWVlg1ucD2EmGNUZV8wNh+lXdhC4+ajsSDK/Nau1rcTvuP5jRCCUJ
wXrmDd2oBjI5DuboS4L6tItIclY8w+cbHJ3+sQIDAQABAoIBACEJcjAOrar/Tj70
gkJ+MRzQ4cnufgzX1xcGSNYu1Na296vox3EGKR/g5E9rp/7vdvhWlFH8yfJcXmXO
oYywFh9SA6sWasOJSaqJBPKuEJ2lbbdf0mJWftnZe/UiebQwUA9tNWF/nNI0+CXL
M1NpnD1L2e4hXwdAOSego/f+A2iNACRuMVEf1MfhEJU+Nnye+3ZK8nyDaz8fJzvw
tAXSw61zTy5Cl1fE3RHyI7H8yqSDpdAjJhuC9wphvYMBc0bui0zTkALKpPAt1GAv
33cI4YYpU46rS1Q7Jqvi6FOM/pAuyxqhgqY46332KbXWve0Xj8uIl3zq1IczBuVX
2JcsLcECgYEA8Yk1XhpnI8w/PBNNgBdqsuD0bnqHYIDwX4RiCdEohS4o0ZCljEIl
RyVa7ACxHmZcri69d5j9VrTHV67vjyFEJxd5sQrN/XD0Nt5IIRvjy1dtTRUvmpt/
/iaRgIvjP+E8r1IpiQ3I8Tq+c0z4ylGS2AukAh/oL6zLsSRJwrAItscCgYEA8ILP
lUm/xZKa829Vr7ot48bIqad8KDG1UNb5OM85TJtFH2F0vIZU6wtFfC94yYh2+OyW
JpC1Tm37k1XDmDrAvRd2R8G/uiGLqsvsoY9gGO0SGp2gKXeYaDER93VNUdxbHQWi
kc8lPwzjeM0+6Y6IF1I/n5HbJuI+eBSzlLG2xscCgYEArqTyZK+coiK+Glcus467
BMppkzSfjGTO6ZHUPZrxvJKqyxTWzvrI74+QFZNOflevbfa34rFJhRdECB+ichCw
sb9kq2HPnhC9VKsW5nG/HTmC+7h06krDmmYS0SrUz0yyT2aOR94izGIYcVBXmBqx
neuU1EBz53z+73/4oYAdXOMCgYEAic56AJEcN6lz7U36q9CioKNysHrN0f4BZQt4
C0v5CeLhrURa7faOS4rOyoQs0lTFzoVI11oM+J5eCqKWivAHJZF+7UifgZfc/gUQ
VdXf+whDWkq8zWXARtru73ofzmrTLgLfjmpBbioFYF9Bz/MiGTLAT77z8giqQIWk
C+vzzVsCgYEAv+kBw7gs4laBDXH4Dp60M82qzyCAAGcFDmGGjeswgYTPLdkNJgCu
xqkQDW2L+N4hf5B2nHIzx8mgb8vKVO6tyHIXQAoojrWVlUNTXtNV/rDKoV2pDZmW
iiqzTky+Xs1THnPsMUGOwgrPWCRIF5GHBcVPP6MaW2OU1Nmj5hQYZ48=
-----END RSA PRIVATE KEY-----
`.trimStart();
