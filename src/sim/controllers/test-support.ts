/** Test support for controllers: a store with the lab's nodes and a settle loop like the simulation's. */
import { ObjectStore } from '../store.ts';
import { ManualClock, Random } from '../context.ts';
import { defaultTopology } from '../topology.ts';
import { defaultClusterConfig } from '../cluster-config.ts';
import type { Controller, ControllerContext } from './controller.ts';
import type { KubeObject } from '../../model/meta.ts';
import type { Node } from '../../model/core.ts';
import { sameObject } from './workload-meta.ts';

/** A controller context over a fresh store holding the three lab nodes (master tainted NoSchedule). */
export function labContext(seed = 1): ControllerContext & { store: ObjectStore; clock: ManualClock } {
  const topology = defaultTopology();
  const store = new ObjectStore();
  for (const n of topology.nodes) store.put(labNode(n.name, n.ip, n.podCIDR, n.role === 'control-plane'));
  return { store, clock: new ManualClock(topology.start), rng: new Random(seed), topology, config: defaultClusterConfig(topology.serviceCIDR), nodeState: { lastReservedIP: new Map() } };
}

/** A Node object as kubeadm registers it. */
export function labNode(name: string, ip: string, podCIDR: string, controlPlane: boolean): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR, podCIDRs: [podCIDR], ...(controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: { addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }] },
  };
}

/** Runs the controllers in order until none changes anything; returns the number of rounds. */
export function settle(ctx: ControllerContext & { store: ObjectStore }, controllers: readonly Controller[]): number {
  for (let round = 1; round <= 50; round++) {
    let changed = false;
    for (const controller of controllers) {
      for (const change of controller.reconcile(ctx)) {
        if (change.op === 'put') {
          const current = ctx.store.get(change.object.kind, change.object.metadata.name, change.object.metadata.namespace);
          if (sameObject(current, change.object)) continue;
          ctx.store.put(change.object);
        } else if (!ctx.store.delete(change.ref)) continue;
        changed = true;
      }
    }
    if (!changed) return round;
  }
  throw new Error('controllers did not settle in 50 rounds');
}

/** The tutorial's `kubectl create deployment howe --image myapp:v1 --replicas 2` object. */
export function deploymentObject(name: string, image: string, replicas: number, extra: Partial<KubeObject> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', uid: `uid-deploy-${name}`, generation: 1, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(':')[0]!.split('/').pop()!, image }] } },
    },
    ...extra,
  };
}

/** The lab registry used in tests: myapp v1/v2, busyboxplus, the system images. */
export function testRegistry(image: string): boolean {
  return /^(.*\/)?(myapp:v[12]|busyboxplus(:latest)?|kube-proxy:v1\.31\.\d+|kube-apiserver:v1\.31\.\d+|coredns:v1\.11\.3)$/.test(image);
}
