/**
 * The fields each served kind knows, for strict decoding (SRC: kubernetes staging/src/k8s.io/api core/v1, apps/v1,
 * networking/v1 types.go json tags, v1.31; pod-level `resources` is v1.32+ and so unknown here). Subtrees marked
 * `open` are not checked field by field (security contexts, affinity, lifecycle, rare volume sources, status).
 */

/** A field's shape: a scalar or free-form value, a string map, a structure, or a list of one. */
export type FieldShape = 'leaf' | 'map' | 'open' | { fields: Record<string, FieldShape> } | { items: FieldShape };

const leaf = 'leaf' as const;
const map = 'map' as const;
const open = 'open' as const;
const obj = (fields: Record<string, FieldShape>): FieldShape => ({ fields });
const list = (items: FieldShape): FieldShape => ({ items });
const leaves = (...names: string[]): Record<string, FieldShape> => Object.fromEntries(names.map((n) => [n, leaf]));

const OWNER_REFERENCE = obj(leaves('apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'));
/** metav1.ObjectMeta. */
const OBJECT_META = obj({
  ...leaves('name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'finalizers'),
  labels: map,
  annotations: map,
  ownerReferences: list(OWNER_REFERENCE),
  managedFields: open,
});
const LABEL_SELECTOR = obj({ matchLabels: map, matchExpressions: list(obj(leaves('key', 'operator', 'values'))) });
const KEY_TO_PATH = list(obj(leaves('key', 'path', 'mode')));
const PROBE = obj({
  exec: obj(leaves('command')),
  httpGet: obj({ ...leaves('path', 'port', 'host', 'scheme'), httpHeaders: list(obj(leaves('name', 'value'))) }),
  tcpSocket: obj(leaves('port', 'host')),
  grpc: obj(leaves('port', 'service')),
  ...leaves('initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'),
});
const CONTAINER = obj({
  ...leaves('name', 'image', 'command', 'args', 'workingDir', 'restartPolicy', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'stdin', 'stdinOnce', 'tty'),
  ports: list(obj(leaves('name', 'hostPort', 'containerPort', 'protocol', 'hostIP'))),
  envFrom: list(obj({ prefix: leaf, configMapRef: obj(leaves('name', 'optional')), secretRef: obj(leaves('name', 'optional')) })),
  env: list(obj({ ...leaves('name', 'value'), valueFrom: open })),
  resources: obj({ limits: map, requests: map, claims: open }),
  volumeMounts: list(obj(leaves('name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'))),
  ...Object.fromEntries(['resizePolicy', 'volumeDevices', 'lifecycle', 'securityContext'].map((n) => [n, open])),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
});
// Volume sources the tutorials use are typed; the rest of core/v1 VolumeSource is known but not checked inside.
const VOLUME = obj({
  name: leaf,
  configMap: obj({ ...leaves('name', 'defaultMode', 'optional'), items: KEY_TO_PATH }),
  secret: obj({ ...leaves('secretName', 'defaultMode', 'optional'), items: KEY_TO_PATH }),
  emptyDir: obj(leaves('medium', 'sizeLimit')),
  hostPath: obj(leaves('path', 'type')),
  persistentVolumeClaim: obj(leaves('claimName', 'readOnly')),
  nfs: obj(leaves('server', 'path', 'readOnly')),
  ...Object.fromEntries(
    ['gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'].map((n) => [n, open]),
  ),
});
const POD_SPEC = obj({
  ...leaves('restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName', 'priority', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'setHostnameAsFQDN', 'hostUsers'),
  volumes: list(VOLUME),
  initContainers: list(CONTAINER),
  containers: list(CONTAINER),
  nodeSelector: map,
  overhead: map,
  imagePullSecrets: list(obj(leaves('name'))),
  tolerations: list(obj(leaves('key', 'operator', 'value', 'effect', 'tolerationSeconds'))),
  hostAliases: list(obj(leaves('ip', 'hostnames'))),
  dnsConfig: obj({ ...leaves('nameservers', 'searches'), options: list(obj(leaves('name', 'value'))) }),
  readinessGates: list(obj(leaves('conditionType'))),
  os: obj(leaves('name')),
  schedulingGates: list(obj(leaves('name'))),
  ...Object.fromEntries(['ephemeralContainers', 'securityContext', 'affinity', 'topologySpreadConstraints', 'resourceClaims'].map((n) => [n, open])),
});
const POD_TEMPLATE = obj({ metadata: OBJECT_META, spec: POD_SPEC });
const ROLLING = obj(leaves('maxUnavailable', 'maxSurge'));
const SERVICE_SPEC = obj({
  ports: list(obj(leaves('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'))),
  selector: map,
  ...leaves('clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'),
  sessionAffinityConfig: obj({ clientIP: obj(leaves('timeoutSeconds')) }),
});
const INGRESS_BACKEND = obj({ service: obj({ name: leaf, port: obj(leaves('name', 'number')) }), resource: obj(leaves('apiGroup', 'kind', 'name')) });
const INGRESS_SPEC = obj({
  ingressClassName: leaf,
  defaultBackend: INGRESS_BACKEND,
  tls: list(obj(leaves('hosts', 'secretName'))),
  rules: list(obj({ host: leaf, http: obj({ paths: list(obj({ ...leaves('path', 'pathType'), backend: INGRESS_BACKEND })) }) })),
});

const top = (extra: Record<string, FieldShape>): FieldShape => obj({ apiVersion: leaf, kind: leaf, metadata: OBJECT_META, ...extra });

/** Schemas by `apiVersion/kind`; kinds without one (custom resources, RBAC, …) are not checked. */
export const KIND_SCHEMAS: Readonly<Record<string, FieldShape>> = {
  'v1/Service': top({ spec: SERVICE_SPEC, status: open }),
  'v1/Pod': top({ spec: POD_SPEC, status: open }),
  'v1/ConfigMap': top({ data: map, binaryData: map, immutable: leaf }),
  'v1/Secret': top({ data: map, stringData: map, type: leaf, immutable: leaf }),
  'v1/Namespace': top({ spec: obj(leaves('finalizers')), status: open }),
  'apps/v1/Deployment': top({
    spec: obj({ ...leaves('replicas', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'), selector: LABEL_SELECTOR, template: POD_TEMPLATE, strategy: obj({ type: leaf, rollingUpdate: ROLLING }) }),
    status: open,
  }),
  'apps/v1/ReplicaSet': top({ spec: obj({ ...leaves('replicas', 'minReadySeconds'), selector: LABEL_SELECTOR, template: POD_TEMPLATE }), status: open }),
  'apps/v1/DaemonSet': top({
    spec: obj({ ...leaves('minReadySeconds', 'revisionHistoryLimit'), selector: LABEL_SELECTOR, template: POD_TEMPLATE, updateStrategy: obj({ type: leaf, rollingUpdate: ROLLING }) }),
    status: open,
  }),
  'networking.k8s.io/v1/Ingress': top({ spec: INGRESS_SPEC, status: open }),
  'networking.k8s.io/v1/IngressClass': top({ spec: obj({ controller: leaf, parameters: obj(leaves('apiGroup', 'kind', 'name', 'namespace', 'scope')) }) }),
};
