@section-5.3.1
Feature: Path-based routing with rewrite-target (5.3.1 基于路径的访问)
  ingress1 sends www.exam.com/v1 to myapp-v1 and /v2 to myapp-v2. With rewrite-target "/" the
  whole URI is replaced by "/" (nginx `rewrite "(?i)/v1" / break;`), so /v1/aaaa still shows v1's index.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I apply "manifests/myapp-v2.yaml"
    And I apply "manifests/ingress1.yml"

  Scenario: /v1 and /v2 reach the two versions
    When I run "curl www.exam.com/v1"
    Then the output contains "Hello MyApp | Version: v1 | <a href=\"hostname.html\">Pod Name</a>"
    And the backend received the path "/"
    When I run "curl www.exam.com/v2"
    Then the output contains "Hello MyApp | Version: v2 |"

  Scenario: rewrite-target replaces the whole path
    When I run "curl www.exam.com/v1/aaaa"
    Then the output contains "Hello MyApp | Version: v1 |"
    And the backend received the path "/"
    And the backend received the header "X-Forwarded-Host" with "www.exam.com"

  Scenario: describe shows the rules and the annotation
    When I run "kubectl describe ingress ingress1" on "k8s-master"
    Then the output contains "Ingress Class:    nginx"
    And the output contains "nginx.ingress.kubernetes.io/rewrite-target: /"
    And the output matches "/v1 +myapp-v1:80 \(10\.244\.\d+\.\d+:80\)"

  Scenario: a host without a server gets the controller's 404 page
    When I try to run "curl -H 'Host: nobody.exam.com' 172.25.250.50/v1"
    Then the response status is 404
    And the output contains "<hr><center>nginx</center>"
