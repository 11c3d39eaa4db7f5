/** kubelab's public surface: the only import of steps/ and src/cli/. */
export type { Cluster, ClusterInfo, ClusterSetup, CommandResult, Where } from './cluster/cluster.ts';
export type { DnsExchange, DnsRecord, Hop, HttpExchange, HttpRequestRecord, HttpResponseRecord, ServedBy } from './cluster/exchanges.ts';
export { formatTraces, formatHttpTrace, formatDnsTrace } from './cluster/trace.ts';
export { createCluster, parseBackend, BACKENDS, type Backend, type CreateClusterOptions } from './cluster/index.ts';
export { HarnessError, type HarnessErrorCode } from './errors.ts';
export { binomialAcceptanceInterval, acceptsCount, describeCheck, DEFAULT_ALPHA, type AcceptanceInterval } from './stats/binomial.ts';
export type { KubeObject, ObjectMeta, OwnerReference } from './model/meta.ts';
export type { Deployment, ReplicaSet } from './model/apps.ts';
export type { Pod, Service, ServicePort, Endpoints, EndpointSlice, ConfigMap, Node } from './model/core.ts';
export { startServe, type ServeSession, type ServeSessionOptions } from './serve/launch.ts';
export { startKindRun, stopKindRun, simulatorOnlyReason, type KindHost, type KindUserOptions, type ActionRecord } from './cluster/kind/run-entry.ts';
