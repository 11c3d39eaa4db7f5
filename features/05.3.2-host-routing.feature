@section-5.3.2
Feature: Host-based routing (5.3.2 基于域名的访问)
  ingress2 sends myappv1.exam.com to myapp-v1 and myappv2.exam.com to myapp-v2; nginx picks the
  server block by the Host header (without its port).

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "myappv1.exam.com" to "172.25.250.50"
    And the client host resolves "myappv2.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I apply "manifests/myapp-v2.yaml"
    And I apply "manifests/ingress2.yml"

  Scenario: each host reaches its version
    When I run "curl myappv1.exam.com"
    Then the output contains "Hello MyApp | Version: v1 |"
    When I run "curl myappv2.exam.com"
    Then the output contains "Hello MyApp | Version: v2 |"

  Scenario: the Host header decides, not the address
    When I run "curl -H 'Host: myappv2.exam.com' 172.25.250.50"
    Then the output contains "Hello MyApp | Version: v2 |"
    And the backend received the header "Host" with "myappv2.exam.com"

  Scenario: kubectl get ingress lists both hosts
    When I run "kubectl get ingress ingress2" on "k8s-master"
    Then the output has a row with:
      | NAME  | ingress2                          |
      | HOSTS | myappv1.exam.com,myappv2.exam.com |
      | PORTS | 80                                |
