/** Resolves a step's Where (client host, node, client pod) to the Source a command runs from. */
import type { Where } from '../../cluster/cluster.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import type { Source } from '../network/source.ts';
import { HarnessError } from '../../errors.ts';

/** The tutorial's client pod: `kubectl run test --image busyboxplus -it` in namespace default. */
export const DEFAULT_CLIENT_POD = { name: 'test', namespace: 'default', image: 'busyboxplus' } as const;

/** The Source for `where`; the default client pod is created on first use. Throws HarnessError for unknown nodes or pods. */
export function resolveWhere(sim: Simulation, where: Where, hosts: Map<string, string>): Source {
  switch (where.kind) {
    case 'host':
      return { kind: 'host', ip: sim.topology.clientHostIP, hosts };
    case 'node': {
      const node = sim.topology.nodes.find((n) => n.name === where.node);
      if (!node) {
        const names = sim.topology.nodes.map((n) => n.name).join(', ');
        throw new HarnessError('INVALID_INPUT', `unknown node "${where.node}": the lab's nodes are ${names}`);
      }
      return { kind: 'node', node: node.name, ip: node.ip };
    }
    case 'pod':
      return podSource(sim, where.pod, where.namespace ?? DEFAULT_CLIENT_POD.namespace);
  }
}

function podSource(sim: Simulation, name: string | undefined, namespace: string): Source {
  const podName = name ?? DEFAULT_CLIENT_POD.name;
  let pod = sim.store.get<Pod>('Pod', podName, namespace);
  const isDefaultClient = podName === DEFAULT_CLIENT_POD.name && namespace === DEFAULT_CLIENT_POD.namespace;
  if (!pod && isDefaultClient) pod = createClientPod(sim);
  if (!pod) {
    throw new HarnessError('NOT_FOUND', `pod "${podName}" not found in namespace "${namespace}": create it first (kubectl run ${podName} --image busyboxplus) or leave the pod out to use the default client pod "test"`);
  }
  const nodeName = pod.spec.nodeName;
  const ip = pod.status?.podIP;
  if (pod.status?.phase !== 'Running' || !nodeName || !ip) {
    const reason = pod.status?.containerStatuses?.[0]?.state.waiting?.reason ?? pod.status?.phase ?? 'Pending';
    throw new HarnessError('NOT_FOUND', `pod "${namespace}/${podName}" is not running (${reason}); a command can run only in a Running pod with an IP`);
  }
  return { kind: 'pod', pod: podName, namespace, node: nodeName, ip };
}

// SRC: kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go, v1.31): label run=<name>, container named after the pod; -it sets stdin+tty.
function createClientPod(sim: Simulation): Pod {
  const { name, namespace, image } = DEFAULT_CLIENT_POD;
  const manifest: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { run: name } },
    spec: { containers: [{ name, image, stdin: true, tty: true } as Pod['spec']['containers'][number]], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
  };
  const result = sim.api.create(manifest);
  if (!result.ok) throw new HarnessError('COMMAND_FAILED', `could not create the client pod ${namespace}/${name}: ${result.status.message}`);
  sim.settle();
  return sim.store.get<Pod>('Pod', name, namespace) ?? (result.object as Pod);
}
