@section-4.6
Feature: ExternalName services (4.6 externalname)
  An ExternalName service gets no cluster IP and no endpoints: CoreDNS answers its name with a
  CNAME to spec.externalName, so clients keep one stable name while the real address moves (useful
  while migrating a service into the cluster). The tutorial names its Service "ExternalName", which
  a real API server rejects: a Service name must be a DNS-1035 label (lower case, starting with a
  letter). The corrected manifest uses the name the tutorial's output shows, howe-service.

  Scenario: the tutorial's manifest is rejected because of the Service's name
    Given a cluster
    When I try to apply "manifests/externalname-tutorial.yaml"
    Then the apply fails with "The Service \"ExternalName\" is invalid: metadata.name: Invalid value: \"ExternalName\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"

  Scenario: with a valid name the service is a DNS alias without a cluster IP
    Given a cluster
    When I apply "manifests/howe.yml"
    And I apply "manifests/externalname.yaml"
    And I run "kubectl get services howe-service"
    Then the output has a row with:
      | NAME        | howe-service  |
      | TYPE        | ExternalName  |
      | CLUSTER-IP  | <none>        |
      | EXTERNAL-IP | www.baidu.com |
      | PORT(S)     | 80/TCP        |
    And service "howe-service" has no cluster IP
    And service "howe-service" has 0 endpoints

  Scenario: CoreDNS answers the service name with a CNAME
    Given a cluster
    When I apply "manifests/externalname.yaml"
    And I run "dig howe-service.default.svc.cluster.local. @10.96.0.10" on "k8s-master"
    Then the DNS answer includes the "CNAME" record "www.baidu.com."
    And the output matches "howe-service\.default\.svc\.cluster\.local\.\s+30\s+IN\s+CNAME\s+www\.baidu\.com\."
