@section-2
Feature: Service types (二 微服务的类型)
  A Service is the stable front of a set of pods. Its type says who can reach it:
  ClusterIP (the default, inside the cluster only), NodePort (a port on every node),
  LoadBalancer (an external IP from a load-balancer implementation) and ExternalName
  (a DNS CNAME). The tutorial builds howe.yml with kubectl generators, applies it and
  lists the services; kube-proxy programs them with iptables by default.

  Scenario: howe.yml is generated with kubectl and needs a "---" between its two objects
    Given a cluster
    When I run "kubectl create deployment howe --image myapp:v1 --replicas 2 --dry-run=client -o yaml > howe.yml"
    And I run "kubectl apply -f howe.yml"
    Then the output contains "deployment.apps/howe created"
    When I run "kubectl expose deployment howe --port 80 --target-port 80 --dry-run=client -o yaml >> howe.yml"
    And I run "kubectl apply -f howe.yml"
    # Without "---" the file is one YAML document whose repeated keys (apiVersion, kind, metadata,
    # spec) keep their last value: kubectl sees only the Service.
    Then the output contains "service/howe created"
    And the output does not contain "deployment.apps/howe"
    # The tutorial repairs the file in vim: the two objects are separated by "---".
    When I apply "manifests/howe.yml"
    Then the output lines match:
      """
      deployment\.apps/howe (unchanged|configured)
      service/howe (unchanged|configured)
      """

  Scenario: kubectl get services lists the new ClusterIP service next to kubernetes
    Given a cluster
    When I apply "manifests/howe.yml"
    And I run "kubectl get services"
    Then the output has a row with:
      | NAME       | howe            |
      | TYPE       | ClusterIP       |
      | CLUSTER-IP | {service howe cluster IP} |
      | EXTERNAL-IP | <none>         |
      | PORT(S)    | 80/TCP          |
    And the output has a row with:
      | NAME       | kubernetes |
      | TYPE       | ClusterIP  |
      | CLUSTER-IP | 10.96.0.1  |
      | PORT(S)    | 443/TCP    |
    And service "howe" has type "ClusterIP"
    And service "howe" has a cluster IP in "10.96.0.0/12"
    And service "howe" has 2 endpoints

  Scenario: -o wide adds the selector
    Given a cluster
    When I apply "manifests/howe.yml"
    And I run "kubectl get services -o wide"
    Then the output has a row with:
      | NAME     | howe     |
      | SELECTOR | app=howe |
    And the output has a row with:
      | NAME     | kubernetes |
      | SELECTOR | <none>     |

  Scenario: by default kube-proxy programs services with iptables
    Given a cluster
    When I apply "manifests/howe.yml"
    And I run "iptables -t nat -nL KUBE-SERVICES" on "k8s-master"
    Then the output matches "KUBE-SVC-[A-Z2-7]{16} +tcp +-- +0\.0\.0\.0/0 +{service howe cluster IP} +/\* default/howe cluster IP \*/ tcp dpt:80"
    And the output contains "/* kube-system/kube-dns:dns cluster IP */"
    When I run "ipvsadm -Ln" on "k8s-master"
    Then the output does not contain "{service howe cluster IP}"
