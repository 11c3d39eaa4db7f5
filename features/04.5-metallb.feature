@section-4.5
Feature: MetalLB gives LoadBalancer services an address (4.5 metalLB)
  MetalLB assigns LoadBalancer services addresses from an IPAddressPool and announces them on the
  lab network (layer 2, L2Advertisement). The tutorial first sets kube-proxy to ipvs with
  strictARP: true, installs metallb-native.yaml and applies the pool 172.25.250.50-172.25.250.99;
  the service then gets 172.25.250.50 and answers from outside the cluster.

  Scenario: kube-proxy is prepared for MetalLB: ipvs mode and strictARP
    Given a cluster
    When I set kube-proxy to "ipvs" mode
    And I turn on strictARP for kube-proxy
    And I restart kube-proxy
    And I run "kubectl -n kube-system get configmap kube-proxy -o yaml" on "k8s-master"
    Then the output contains 'mode: "ipvs"'
    And the output contains "strictARP: true"

  Scenario: the LoadBalancer service gets the first address of the pool
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    When I apply "manifests/howe.yml"
    And I apply "manifests/loadbalancer.yaml"
    Then service "loadbalancer" has the external IP "172.25.250.50"
    When I run "kubectl get services"
    Then the output has a row with:
      | NAME        | loadbalancer       |
      | TYPE        | LoadBalancer       |
      | EXTERNAL-IP | 172.25.250.50      |
      | PORT(S)     | /^80:3\d{4}\/TCP$/ |

  Scenario: the address answers from outside the cluster
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    When I apply "manifests/howe.yml"
    And I apply "manifests/loadbalancer.yaml"
    And I run "curl {service loadbalancer external IP}"
    Then the output contains "Hello MyApp | Version: v1 | <a href=\"hostname.html\">Pod Name</a>"
    When I run "curl 172.25.250.50/hostname.html" 4 times
    Then every response comes from a pod of deployment "howe"

  Scenario: the next LoadBalancer service gets the next address
    Given a cluster
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    When I apply "manifests/howe.yml"
    And I apply "manifests/loadbalancer.yaml"
    And I apply:
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: loadbalancer2
      spec:
        type: LoadBalancer
        selector:
          app: howe
        ports:
        - port: 80
          targetPort: 80
      """
    Then service "loadbalancer" has the external IP "172.25.250.50"
    And service "loadbalancer2" has the external IP "172.25.250.51"

  Scenario: the MetalLB components run in metallb-system
    Given a cluster
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    When I run "kubectl -n metallb-system get pods"
    Then the output has a row with:
      | NAME   | /^controller-[a-z0-9]+-[a-z0-9]{5}$/ |
      | READY  | 1/1                                  |
      | STATUS | Running                              |
    And the output has a row with:
      | NAME   | /^speaker-[a-z0-9]{5}$/ |
      | STATUS | Running                 |
