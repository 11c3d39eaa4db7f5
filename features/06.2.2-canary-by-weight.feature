@section-6.2.2
Feature: Canary release by weight (6.2.2 基于权重的灰度发布)
  With canary-weight "10" of canary-weight-total "100" each request independently goes to v2 when
  math.random(100) <= 10. The tutorial's check_ingress.sh counts v1 and v2 over 100 requests.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I apply "manifests/myapp-v2.yaml"
    And I apply "manifests/ingress7.yml"

  Scenario: before the canary every request reaches v1
    When I count "v1" and "v2" over 100 runs of "curl -s www.exam.com"
    Then all responses contain "v1"

  Scenario: with weight 10 about one request in ten reaches v2
    When I apply "manifests/ingress8-weight.yml"
    And I count "v1" and "v2" over 100 runs of "curl -s www.exam.com"
    Then about 10% of the responses contain "v2"

  @simulator-only @why-traces-are-the-simulator's-routing-decisions
  Scenario: the trace shows the weighted draw that chose the backend
    When I apply "manifests/ingress8-weight.yml"
    And I trace "curl -s www.exam.com"
    Then the trace contains "172.25.250.50 is announced from node"
    And the trace contains "location / (longest prefix /) from ingress default/myapp-v1-ingress"
    And the trace contains "canary: "
    And the trace contains "math.random(100) = "
