@section-5.3.4
Feature: Basic authentication at the ingress (5.3.4 建立auth认证)
  htpasswd writes an $apr1$ hash for howe (the tutorial types the password redhat twice at the prompt;
  a scenario has no terminal, so getpass() reads the answers from stdin, or it passes it with -b). The file becomes the secret auth-web and
  ingress4 asks for it: no or wrong credentials get nginx's 401, howe:redhat gets v1, and the
  Authorization header is not passed to the backend.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I run "openssl req -newkey rsa:2048 -nodes -keyout tls.key -x509 -days 365 -subj '/CN=nginxsvc/O=nginxsvc' -out tls.crt" on "k8s-master"
    And I run "kubectl create secret tls web-tls-secret --key tls.key --cert tls.crt" on "k8s-master"
    And I run "htpasswd -cbm auth howe redhat" on "k8s-master"
    And I run "kubectl create secret generic auth-web --from-file auth" on "k8s-master"
    And I apply "manifests/ingress4.yml"

  Scenario: htpasswd without -b asks twice and reads the answers from stdin
    When I run "echo -e 'redhat\nredhat' | htpasswd -cm auth2 howe" on "k8s-master"
    Then the output contains "Adding password for user howe"
    When I try to run "echo -e 'redhat\nredhot' | htpasswd -cm auth3 howe" on "k8s-master"
    Then the command fails with "htpasswd: password verification error"

  Scenario: the secret holds the 43-byte htpasswd line
    When I run "kubectl describe secrets auth-web" on "k8s-master"
    Then the output contains "auth:  43 bytes"

  Scenario: no credentials get 401
    When I run "curl -k -i https://www.exam.com"
    Then the response status is 401
    And the response header "WWW-Authenticate" is "Basic realm=\"Please input username and password\""
    And the output contains "401 Authorization Required"

  Scenario: a wrong password gets 401
    When I run "curl -k -i https://www.exam.com -uhowe:wrong"
    Then the response status is 401

  Scenario: howe:redhat reaches v1 and the credentials stay at the ingress
    When I run "curl -k https://www.exam.com -uhowe:redhat"
    Then the output contains "Hello MyApp | Version: v1 |"
    And the backend did not receive the header "Authorization"
