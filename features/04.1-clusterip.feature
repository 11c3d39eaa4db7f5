@section-4.1
Feature: ClusterIP services (4.1 clusterip)
  A ClusterIP service gets a virtual IP from the service range (10.96.0.0/12 on kubeadm) that only
  nodes and pods can reach; CoreDNS (kube-dns, 10.96.0.10) answers its name with that IP.

  Background:
    Given a cluster
    When I apply "manifests/howe.yml"
    And I apply "manifests/clusterip.yml"

  Scenario: the service gets a virtual IP from the service range
    Then the output contains "service/clusterip created"
    And service "clusterip" has type "ClusterIP"
    And service "clusterip" has a cluster IP in "10.96.0.0/12"
    And service "clusterip" has 2 endpoints

  Scenario: kube-dns is itself a ClusterIP service at 10.96.0.10
    When I run "kubectl -n kube-system get svc"
    Then the output has a row with:
      | NAME        | kube-dns               |
      | TYPE        | ClusterIP              |
      | CLUSTER-IP  | 10.96.0.10             |
      | EXTERNAL-IP | <none>                 |
      | PORT(S)     | 53/UDP,53/TCP,9153/TCP |

  Scenario: dig resolves the service name to its cluster IP
    When I run "dig howe.default.svc.cluster.local. @10.96.0.10" on "k8s-master"
    Then the DNS status is "NOERROR"
    And the DNS answer has 1 "A" record
    And the DNS answer includes the "A" record "{service howe cluster IP}"
    And the output contains "status: NOERROR"
    And the output contains "flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1"
    And the output matches "howe\.default\.svc\.cluster\.local\.\s+30\s+IN\s+A\s+{service howe cluster IP}"
    And the output contains ";; SERVER: 10.96.0.10#53(10.96.0.10)"

  Scenario: a name no service has is NXDOMAIN
    When I run "dig nobody.default.svc.cluster.local. @10.96.0.10" on "k8s-master"
    Then the DNS status is "NXDOMAIN"
    And the DNS answer has 0 "A" records

  Scenario: dig +tcp asks kube-dns over TCP (53/TCP) and gets the same answer
    When I run "dig +tcp howe.default.svc.cluster.local. @10.96.0.10" on "k8s-master"
    Then the DNS status is "NOERROR"
    And the DNS answer has 1 "A" record
    And the DNS answer includes the "A" record "{service howe cluster IP}"
    And the output contains ";; SERVER: 10.96.0.10#53(10.96.0.10)"

  Scenario: nodes and pods reach the cluster IP; the client host outside the cluster does not
    When I run "curl {service clusterip cluster IP}" on "k8s-node1"
    Then the output contains "Hello MyApp | Version: v1 | <a href=\"hostname.html\">Pod Name</a>"
    When I run "curl clusterip/hostname.html" in a pod
    Then the output matches "^howe-[a-z0-9]+-[a-z0-9]{5}\s*$"
    When I try to run "curl --max-time 2 {service clusterip cluster IP}"
    Then the command fails with "Connection timed out"

  Scenario: a service may ask for a cluster IP of its own
    When I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: howe-fixed
      spec:
        clusterIP: 10.96.100.100
        selector:
          app: howe
        ports:
        - port: 80
          targetPort: 80
      """
    Then the output contains "service/howe-fixed created"
    When I run "curl 10.96.100.100/hostname.html" 4 times on "k8s-node1"
    Then every response comes from a pod of deployment "howe"

  Scenario: the kubernetes service is only reachable inside the cluster too
    When I try to run "curl --max-time 2 10.96.0.1"
    Then the command fails with "Connection timed out"
