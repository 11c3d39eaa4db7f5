@section-4.3
Feature: NodePort services (4.3 nodeport)
  A NodePort service opens one port on every node (from 30000-32767 unless the API server is told
  otherwise) so machines outside the cluster reach it at <node IP>:<node port>. kube-proxy picks a pod
  per connection: round robin in ipvs mode (the tutorial's five answers cycle through the pods), at
  random in iptables mode. A node port outside the range is refused until kube-apiserver runs with a
  wider --service-node-port-range.

  Scenario: the service gets a node port from the default range
    Given a cluster
    When I apply "manifests/howe.yml"
    And I apply "manifests/howe-service.yml"
    And I run "kubectl get services howe-service"
    Then the output has a row with:
      | NAME        | howe-service          |
      | TYPE        | NodePort              |
      | CLUSTER-IP  | {service howe-service cluster IP} |
      | EXTERNAL-IP | <none>                |
      | PORT(S)     | /^80:3\d{4}\/TCP$/    |
    And service "howe-service" has type "NodePort"
    And service "howe-service" has a node port in 30000-32767

  Scenario: in ipvs mode five requests to the node port take turns between the pods
    Given a cluster with kube-proxy in "ipvs" mode
    When I apply "manifests/howe.yml"
    And I apply "manifests/howe-service.yml"
    And I run "curl {node k8s-master IP}:{service howe-service node port}/hostname.html" 5 times
    Then the responses take turns between 2 pods
    And every response comes from a pod of deployment "howe"

  Scenario: in iptables mode each connection picks a pod at random
    # 20 requests: both pods answer unless 20 independent fair draws agree (probability 2^-19).
    Given a cluster with kube-proxy in "iptables" mode
    When I apply "manifests/howe.yml"
    And I apply "manifests/howe-service.yml"
    And I run "curl {node k8s-master IP}:{service howe-service node port}/hostname.html" 20 times
    Then the responses come from 2 different pods
    And every response comes from a pod of deployment "howe"

  Scenario: every node answers on the node port
    Given a cluster
    When I apply "manifests/howe.yml"
    And I apply "manifests/howe-service.yml"
    And I run "curl {node k8s-node1 IP}:{service howe-service node port}/hostname.html"
    Then the response status is 200
    And the response comes from a pod of deployment "howe"
    When I run "curl {node k8s-node2 IP}:{service howe-service node port}"
    Then the output contains "Hello MyApp | Version: v1"

  Scenario: node port 33333 is outside the default range
    Given a cluster
    When I try to apply "manifests/timinglee.yaml"
    Then the apply fails with 'The Service "timinglee-service" is invalid: spec.ports[0].nodePort: Invalid value: 33333: provided port is not in the valid range. The range of valid ports is 30000-32767'
    And the output contains "deployment.apps/timinglee created"

  Scenario: widening the range in kube-apiserver.yaml lets node port 33333 through
    Given a cluster
    When I try to apply "manifests/timinglee.yaml"
    Then the apply fails with "provided port is not in the valid range"
    When I restart the API server with "--service-node-port-range=30000-40000"
    And I apply "manifests/timinglee.yaml"
    Then the output contains "service/timinglee-service created"
    And service "timinglee-service" has the node port 33333
    When I run "curl {node k8s-master IP}:33333/hostname.html"
    Then the response comes from a pod of deployment "timinglee"

  Scenario: an API server started with the wider range accepts 33333 at once
    Given the API server runs with "--service-node-port-range=30000-40000"
    When I apply "manifests/timinglee.yaml"
    Then service "timinglee-service" has the node port 33333
