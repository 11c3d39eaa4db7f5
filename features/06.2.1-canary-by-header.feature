@section-6.2.1
Feature: Canary release by header (6.2.1 基于header灰度)
  myapp-v1-ingress serves www.exam.com from v1; the canary myapp-v2-ingress sends requests whose
  header "version" is exactly "2" to v2. Any other value falls through to the weight (0), so v1.

  Background:
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    And the client host resolves "www.exam.com" to "172.25.250.50"
    When I apply "manifests/myapp-v1.yaml"
    And I apply "manifests/myapp-v2.yaml"
    And I apply "manifests/ingress7.yml"
    And I apply "manifests/ingress8.yml"

  Scenario: without the header v1 answers
    When I run "curl www.exam.com" 10 times
    Then all responses contain "Version: v1"

  Scenario: version: 2 reaches the canary
    When I run "curl -H 'version: 2' www.exam.com" 10 times
    Then all responses contain "Version: v2"

  Scenario: another value stays on v1
    When I run "curl -H 'version: 3' www.exam.com"
    Then the output contains "Version: v1"

  Scenario: both Ingresses get the address of the controller's node (no --publish-service in deploy.yaml)
    # The status syncer writes every 60 s (status.go UpdateInterval), so the address needs a sync first.
    When I run "sleep 60" on "k8s-master"
    Then ingress "myapp-v1-ingress" has the address "172.25.250.20"
    And ingress "myapp-v2-ingress" has the address "172.25.250.20"
