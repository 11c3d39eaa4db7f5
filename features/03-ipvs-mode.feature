@section-3
Feature: kube-proxy in ipvs mode (三 ipvs模式 / 3.1 ipvs模式配置方式)
  With many pods, refreshing iptables rules costs CPU; IPVS scales better. The tutorial switches
  kube-proxy to ipvs by editing its ConfigMap (`kubectl -n kube-system edit cm kube-proxy`,
  mode: "ipvs"). Running kube-proxy pods keep the configuration they started with, so the change
  only takes effect once the pods are deleted and the DaemonSet recreates them. Then `ipvsadm -Ln`
  shows one round-robin (rr) virtual server per service port, forwarding by masquerade (Masq), and
  the kube-ipvs0 interface holds every service IP.

  Background:
    Given a cluster
    When I apply "manifests/howe.yml"

  Scenario: editing the kube-proxy ConfigMap alone changes nothing
    When I set kube-proxy to "ipvs" mode
    And I run "kubectl -n kube-system get configmap kube-proxy -o yaml" on "k8s-master"
    Then the output contains 'mode: "ipvs"'
    When I run "ipvsadm -Ln" on "k8s-master"
    Then the output does not contain "10.96.0.10:53"
    When I run "iptables -t nat -nL KUBE-SERVICES" on "k8s-master"
    Then the output contains "/* default/howe cluster IP */"

  Scenario: deleting the kube-proxy pods switches them to ipvs
    When I set kube-proxy to "ipvs" mode
    And I restart kube-proxy
    Then the output lines match:
      """
      pod "kube-proxy-[a-z0-9]{5}" deleted
      pod "kube-proxy-[a-z0-9]{5}" deleted
      pod "kube-proxy-[a-z0-9]{5}" deleted
      """
    When I run "ipvsadm -Ln" on "k8s-master"
    Then the output lines match:
      """
      IP Virtual Server version 1\.2\.1 \(size=4096\)
      Prot LocalAddress:Port Scheduler Flags
        -> RemoteAddress:Port +Forward Weight ActiveConn InActConn
      TCP  10\.96\.0\.1:443 rr
        -> 172\.25\.250\.100:6443 +Masq +1 +0 +0
      TCP  10\.96\.0\.10:53 rr
        -> 10\.244\.0\.2:53 +Masq +1 +0 +0
        -> 10\.244\.0\.3:53 +Masq +1 +0 +0
      TCP  10\.96\.0\.10:9153 rr
        -> 10\.244\.0\.2:9153 +Masq +1 +0 +0
        -> 10\.244\.0\.3:9153 +Masq +1 +0 +0
      TCP  {service howe cluster IP}:80 rr
        -> 10\.244\.\d+\.\d+:80 +Masq +1 +0 +0
        -> 10\.244\.\d+\.\d+:80 +Masq +1 +0 +0
      UDP  10\.96\.0\.10:53 rr
        -> 10\.244\.0\.2:53 +Masq +1 +0 +0
        -> 10\.244\.0\.3:53 +Masq +1 +0 +0
      """

  Scenario: in ipvs mode kube-ipvs0 holds every service IP
    When I set kube-proxy to "ipvs" mode
    And I restart kube-proxy
    And I run "ip addr show kube-ipvs0" on "k8s-master"
    Then the output matches "kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN"
    And the output contains "inet {service howe cluster IP}/32 scope global kube-ipvs0"
    And the output contains "inet 10.96.0.1/32 scope global kube-ipvs0"
    And the output contains "inet 10.96.0.10/32 scope global kube-ipvs0"

  Scenario: a service still answers after the switch
    When I set kube-proxy to "ipvs" mode
    And I restart kube-proxy
    And I run "curl {service howe cluster IP}/hostname.html" 4 times on "k8s-node1"
    Then the responses take turns between 2 pods
