/**
 * The controller's generated default ("fake") certificate: self-signed RSA-2048,
 * Subject/Issuer `O=Acme Co, CN=Kubernetes Ingress Controller Fake Certificate`, SAN `DNS:ingress.local`,
 * KeyUsage keyEncipherment+digitalSignature, ExtKeyUsage serverAuth, valid 365 days.
 * SRC: ingress-nginx internal/net/ssl/ssl.go getFakeHostSSLCert (controller-v1.11.2).
 * The real controller makes a new one at every start; the simulator uses this one, generated once
 * (with @peculiar/x509, notBefore = the lab's start instant) so runs stay reproducible.
 */

/** PEM of the fake certificate. */
export const FAKE_CERTIFICATE_PEM = `
-----BEGIN CERTIFICATE-----
MIIDbzCCAlegAwIBAgIQej+cLlsdTm+KCyxNbo8KGzANBgkqhkiG9w0BAQsFADBL
MRAwDgYDVQQKEwdBY21lIENvMTcwNQYDVQQDEy5LdWJlcm5ldGVzIEluZ3Jlc3Mg
Q29udHJvbGxlciBGYWtlIENlcnRpZmljYXRlMB4XDTI0MDkwNjA2MjQ1N1oXDTI1
MDkwNjA2MjQ1N1owSzEQMA4GA1UEChMHQWNtZSBDbzE3MDUGA1UEAxMuS3ViZXJu
ZXRlcyBJbmdyZXNzIENvbnRyb2xsZXIgRmFrZSBDZXJ0aWZpY2F0ZTCCASIwDQYJ
KoZIhvcNAQEBBQADggEPADCCAQoCggEBAOJ5r2m2YyATcen3zx129khCZ6uqjwaw
Zce39bN+AaU1KbOuMCTJsLASNz8WC0NmhzaROFzpQnDTxKd0u0jBAkLAUQSYBOtB
C7yJhnH2Xq3Obdp7WGvcuKUtnvkNbiQL/dfvxFillCIOSU694VU06mPEYXavj8ZN
6SNBWZ3fOsKhZ9Im+PvMBXRdgrntMKeN0ltpwffVXTlyglUaYZe3Sk2rwIxXGOPU
vHkalQ7Azh7W6kD+wx0dMKgq4Tl4b2eD78NyeVcRv4LeX7f0/c08Uaa7oNC4XNo1
FiOoweRSR/sVUjzQZxVnbp+VzU9ZHqeI3ST7o4+VanSbWv2varFXOKUCAwEAAaNP
ME0wDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsGAQUFBwMBMAwGA1UdEwEB
/wQCMAAwGAYDVR0RBBEwD4INaW5ncmVzcy5sb2NhbDANBgkqhkiG9w0BAQsFAAOC
AQEAOx8NnHMHP+EKMP2k+FPtZkaIhwOAfC13ZLYnwbztSxpqO1jZdp+8S67aB8zV
5/iCU0O4V79NyZP4DHWIx2QRyT7mM6hEmddkj/dSZ0jLXGLgnZe51A4f3Z7jceGj
jQtCtjN3QlxfP7jRDLgicTnHkkYcq5NBVZ/SffoJgEB9gk9fBLz1ggk62ULTrXqC
pllwx5zp+NjaqiT2Ws6Op9MQXrFFjb423P2FR447niWnlldoLgkKGEiH+R4xsS/X
XaDcuiMupkkTmdj5YYDFjhGDO9KjK1IbYPs0BHsFOxWdI7SaXn/xKIvYTOHrk5t4
HGC15v0h3qLiaP8MqJduWzxUYA==
-----END CERTIFICATE-----
`.trimStart();
