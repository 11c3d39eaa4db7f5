@section-5.3.3
Feature: TLS termination at the ingress (5.3.3 建立tls加密)
  openssl writes a self-signed certificate for CN=nginxsvc, kept in the kubernetes.io/tls secret
  web-tls-secret. ingress3 names it for www.exam.com; since the certificate does not cover that host
  the controller serves its fake certificate instead (curl -k accepts it, curl without -k does not),
  and plain HTTP is redirected to HTTPS with 308.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I run "openssl req -newkey rsa:2048 -nodes -keyout tls.key -x509 -days 365 -subj '/CN=nginxsvc/O=nginxsvc' -out tls.crt" on "k8s-master"
    And I run "kubectl create secret tls web-tls-secret --key tls.key --cert tls.crt" on "k8s-master"
    And I apply "manifests/ingress3.yml"

  Scenario: the secret holds the key pair
    When I run "kubectl get secrets" on "k8s-master"
    Then the output has a row with:
      | NAME | web-tls-secret    |
      | TYPE | kubernetes.io/tls |
      | DATA | 2                 |
    When I run "openssl x509 -in tls.crt -noout -subject" on "k8s-master"
    Then the output contains "subject=CN = nginxsvc, O = nginxsvc"

  Scenario: curl -k reaches v1 over HTTPS, with HSTS
    When I run "curl -k https://www.exam.com"
    Then the output contains "Hello MyApp | Version: v1 |"
    And the response header "Strict-Transport-Security" is "max-age=31536000; includeSubDomains"
    And the backend received the header "X-Forwarded-Proto" with "https"

  Scenario: without -k curl rejects the self-signed certificate
    When I try to run "curl https://www.exam.com"
    Then the command fails with "curl: (60)"

  Scenario: plain HTTP is redirected to HTTPS
    When I run "curl -i www.exam.com"
    Then the response status is 308
    And the response header "Location" is "https://www.exam.com"
