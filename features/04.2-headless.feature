@section-4.2
Feature: Headless services (4.2 ClusterIP中的特殊模式headless)
  A headless service (clusterIP: None) gets no virtual IP and kube-proxy ignores it: CoreDNS answers
  its name with the IPs of the ready pods, and each pod also gets a dashed-IP name under the service,
  so clients pick the pods themselves.

  Background:
    Given a cluster
    When I apply "manifests/superhowe.yml"

  Scenario: the service has no cluster IP
    Then the output lines match:
      """
      deployment\.apps/howe created
      service/superhowe created
      """
    When I run "kubectl get services superhowe"
    Then the output has a row with:
      | NAME       | superhowe |
      | TYPE       | ClusterIP |
      | CLUSTER-IP | None      |
      | PORT(S)    | 80/TCP    |
    And service "superhowe" has no cluster IP
    And service "superhowe" has 2 endpoints

  Scenario: dig answers with both pod IPs
    When I run "dig superhowe.default.svc.cluster.local. @10.96.0.10" on "k8s-master"
    Then the DNS status is "NOERROR"
    And the DNS answer has 2 "A" records
    And the output lines match:
      """
      superhowe\.default\.svc\.cluster\.local\.\s+30\s+IN\s+A\s+10\.244\.\d+\.\d+
      superhowe\.default\.svc\.cluster\.local\.\s+30\s+IN\s+A\s+10\.244\.\d+\.\d+
      """

  Scenario: nslookup in a busyboxplus pod shows the pods' dashed names
    When I run "nslookup superhowe" in a pod
    Then the output lines match:
      """
      Server: +10\.96\.0\.10
      Address 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local
      Name: +superhowe
      Address 1: 10\.244\.(\d+)\.(\d+) 10-244-\1-\2\.superhowe\.default\.svc\.cluster\.local
      Address 2: 10\.244\.(\d+)\.(\d+) 10-244-\1-\2\.superhowe\.default\.svc\.cluster\.local
      """
    And the DNS answer has 2 "A" records

  Scenario: curl by the service name reaches a pod directly
    When I run "curl superhowe" in a pod
    Then the output contains "Hello MyApp | Version: v1"
    When I run "curl superhowe/hostname.html" 4 times in a pod
    Then every response comes from a pod of deployment "howe"
