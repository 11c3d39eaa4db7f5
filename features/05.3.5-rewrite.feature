@section-5.3.5
Feature: app-root and rewrite with capture groups (5.3.5 rewrite重定向)
  ingress5 adds app-root /hostname.html: "/" answers 302 to /hostname.html (curl -L follows it to
  the pod name). /app/hostname.html is sent unchanged to myapp, whose nginx/1.12.2 has no such file.
  The fix uses use-regex and rewrite-target /$2 on /app(/|$)(.*), so /app/hostname.html reaches
  /hostname.html.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    And the client host resolves "myappv1.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I run "openssl req -newkey rsa:2048 -nodes -keyout tls.key -x509 -days 365 -subj '/CN=nginxsvc/O=nginxsvc' -out tls.crt" on "k8s-master"
    And I run "kubectl create secret tls web-tls-secret --key tls.key --cert tls.crt" on "k8s-master"
    And I run "htpasswd -cbm auth howe redhat" on "k8s-master"
    And I run "kubectl create secret generic auth-web --from-file auth" on "k8s-master"

  Scenario: app-root redirects / to /hostname.html
    When I apply "manifests/ingress5.yml"
    And I run "curl -k -i https://www.exam.com -uhowe:redhat"
    Then the response status is 302
    And the response header "Location" is "https://www.exam.com/hostname.html"

  Scenario: curl -L lands on the pod name
    When I apply "manifests/ingress5.yml"
    And I run "curl -Lk https://www.exam.com -uhowe:redhat"
    Then the output matches "^myapp-v1-[a-z0-9]+-[a-z0-9]{5}\n$"

  Scenario: /app/hostname.html is not rewritten and myapp answers its own 404
    When I apply "manifests/ingress5.yml"
    And I run "curl -Lk https://www.exam.com/app/hostname.html -uhowe:redhat"
    Then the output contains "<hr><center>nginx/1.12.2</center>"
    And the output contains "404 Not Found"
    And the backend received the path "/app/hostname.html"

  Scenario: the regex rewrite strips /app
    When I apply "manifests/ingress6.yml"
    And I run "curl -Lk https://myappv1.exam.com/app/hostname.html -uhowe:redhat"
    Then the output matches "^myapp-v1-[a-z0-9]+-[a-z0-9]{5}\n$"
    And the backend received the path "/hostname.html"
