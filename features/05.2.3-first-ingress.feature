@section-5.2.3
Feature: A first Ingress sends every request to one Service (5.2.3 测试ingress)
  ingress-nginx v1.11.2 is installed from the bare-metal deploy.yaml; its Service is switched to
  LoadBalancer and MetalLB gives it 172.25.250.50. `kubectl create ingress` drafts the manifest,
  which the tutorial edits (class nginx, no host, pathType Prefix). The controller balances the
  requests round robin over the pods of howe-svc.

  Scenario: kubectl create ingress drafts the manifest
    Given a cluster
    When I run "kubectl create ingress webcluster --rule '*/=howe-svc:80' --dry-run=client -o yaml" on "k8s-master"
    Then the output contains "kind: Ingress"
    And the output contains "name: webcluster"
    And the output contains "pathType: Exact"
    And the output contains "name: howe-svc"

  Scenario: the controller runs and its Service gets the MetalLB address
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    When I run "kubectl -n ingress-nginx get svc" on "k8s-master"
    Then the output has a row with:
      | NAME        | ingress-nginx-controller          |
      | TYPE        | LoadBalancer                      |
      | EXTERNAL-IP | 172.25.250.50                     |
      | PORT(S)     | /^80:3\d{4}\/TCP,443:3\d{4}\/TCP$/ |
    And the output has a row with:
      | NAME    | ingress-nginx-controller-admission |
      | TYPE    | ClusterIP                          |
      | PORT(S) | 443/TCP                            |

  Scenario: requests through the Ingress alternate between the two pods
    Given a cluster with kube-proxy in "ipvs" mode
    And MetalLB is installed with the address pool "172.25.250.50-172.25.250.99"
    And ingress-nginx is installed with a LoadBalancer service
    When I apply "manifests/howe-svc.yml"
    And I apply "manifests/howe-ingress.yml"
    And I run "kubectl get ingress" on "k8s-master"
    Then the output has a row with:
      | NAME  | test-ingress |
      | CLASS | nginx        |
      | HOSTS | *            |
      | PORTS | 80           |
    When I run "sleep 60" on "k8s-master"
    And I run "kubectl get ingress" on "k8s-master"
    Then the output has a row with:
      | NAME    | test-ingress  |
      | ADDRESS | 172.25.250.20 |
    When I run "curl 172.25.250.50/hostname.html" 5 times
    Then every response comes from a pod of deployment "howe"
    And the responses take turns between 2 pods
