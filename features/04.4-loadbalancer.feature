@section-4.4
Feature: LoadBalancer services (4.4 loadbalancer)
  A LoadBalancer service is a NodePort service plus an external IP that a load-balancer
  implementation assigns. Clouds provide one; on bare metal nothing does until MetalLB is installed
  (4.5), so the external IP stays <pending> while the node port already works.

  Background:
    Given a cluster
    When I apply "manifests/howe.yml"
    And I apply "manifests/loadbalancer.yaml"

  Scenario: without a load-balancer implementation the external IP stays pending
    When I run "kubectl get services loadbalancer"
    Then the output has a row with:
      | NAME        | loadbalancer       |
      | TYPE        | LoadBalancer       |
      | EXTERNAL-IP | <pending>          |
      | PORT(S)     | /^80:3\d{4}\/TCP$/ |
    And service "loadbalancer" has no external IP
    And service "loadbalancer" has a node port in 30000-32767

  Scenario: the node port of a pending LoadBalancer service already answers
    When I run "curl {node k8s-master IP}:{service loadbalancer node port}/hostname.html"
    Then the response comes from a pod of deployment "howe"
