/** What the last step's requests answered, read in a backend-neutral way. */
import { HarnessError, type Cluster, type CommandResult, type HttpExchange, type Pod } from '../../src/index.ts';

/** The final exchange of one command (after redirects curl followed), or undefined when it made none. */
export function finalExchange(result: CommandResult): HttpExchange | undefined {
  return result.http.at(-1);
}

/** The one response of the last step, which must have run exactly one request-making command. */
export function singleResponse(results: CommandResult[]): { result: CommandResult; exchange: HttpExchange } {
  if (results.length !== 1) {
    throw new HarnessError('INVALID_INPUT', `the last step ran ${results.length} commands; "the response" needs exactly one (use "all responses …" or "N of the responses …" for several)`);
  }
  const result = results[0]!;
  const exchange = finalExchange(result);
  if (!exchange) throw new HarnessError('INVALID_INPUT', `\`${result.command}\` made no HTTP request`);
  return { result, exchange };
}

/**
 * The pod (`namespace/name`) that answered one command: the backend's servedBy record, or else the
 * output itself when it is a pod's name (what myapp's /hostname.html prints).
 */
export async function servingPod(cluster: Cluster, result: CommandResult): Promise<string> {
  const served = finalExchange(result)?.servedBy;
  if (served) return `${served.namespace}/${served.pod}`;
  const printed = result.stdout.trim();
  if (/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(printed) && (await cluster.get('Pod', printed, 'default'))) return `default/${printed}`;
  const why = finalExchange(result)?.failure?.message ?? 'no pod answered';
  throw new HarnessError('NOT_FOUND', `cannot tell which pod answered \`${result.command}\` (${why}); request /hostname.html, which prints the pod's name`);
}

/** The Deployment (namespace/name) that owns a pod through its ReplicaSet, or the pod's direct owner. */
export async function owningWorkload(cluster: Cluster, pod: string): Promise<string | undefined> {
  const [namespace, name] = pod.split('/') as [string, string];
  const object = (await cluster.get('Pod', name, namespace)) as Pod | undefined;
  const owner = object?.metadata.ownerReferences?.find((o) => o.controller) ?? object?.metadata.ownerReferences?.[0];
  if (!owner) return undefined;
  if (owner.kind !== 'ReplicaSet') return `${owner.kind}:${namespace}/${owner.name}`;
  const replicaSet = await cluster.get('ReplicaSet', owner.name, namespace);
  const deployment = replicaSet?.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
  return deployment ? `Deployment:${namespace}/${deployment.name}` : `ReplicaSet:${namespace}/${owner.name}`;
}

/**
 * Checks that `servers` rotate through exactly `n` pods in a fixed order (round robin):
 * the first n are all different and every later one repeats the one n places before it.
 */
export function takesTurns(servers: string[], n: number): { ok: true } | { ok: false; message: string } {
  const distinct = new Set(servers);
  if (distinct.size !== n) return { ok: false, message: `the responses came from ${distinct.size} different pods, not ${n}` };
  if (servers.length < n + 1) return { ok: false, message: `${servers.length} responses cannot show ${n} pods taking turns: send at least ${n + 1}` };
  for (let i = n; i < servers.length; i++) {
    if (servers[i] !== servers[i - n]) return { ok: false, message: `response ${i + 1} came from ${servers[i]}, but taking turns between ${n} pods it should repeat response ${i + 1 - n} (${servers[i - n]})` };
  }
  return { ok: true };
}
