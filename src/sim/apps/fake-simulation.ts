/**
 * Test support for the workloads area: a Simulation stand-in with a minimal API server (create /
 * update / delete with owner cascade) so bootstrap, kube-proxy and image tests run before the real
 * API server lands. Only what bootstrap and the images touch is provided.
 */
import { ObjectStore } from '../store.ts';
import { ManualClock, Random } from '../context.ts';
import { ResourceRegistry } from '../kinds.ts';
import { defaultTopology } from '../topology.ts';
import { defaultClusterConfig } from '../cluster-config.ts';
import { CONTROLLERS } from '../controllers/index.ts';
import { imageCatalogue } from './catalogue.ts';
import type { AppProcess } from './app.ts';
import type { ApiResult, ApiServer } from '../apiserver/types.ts';
import type { KubeObject, ObjectRef } from '../../model/meta.ts';
import type { Pod } from '../../model/core.ts';
import type { Simulation } from '../simulation.ts';
import { randomUid, rfc3339, sameObject } from '../controllers/workload-meta.ts';
import { bootstrapCluster } from '../bootstrap.ts';

/** A bootstrapped stand-in simulation (typed as Simulation for the code under test). */
export function fakeSimulation(seed = 7): Simulation {
  const topology = defaultTopology();
  const sim = {
    topology,
    clock: new ManualClock(topology.start),
    rng: new Random(seed),
    store: new ObjectStore(),
    resources: new ResourceRegistry(),
    config: defaultClusterConfig(topology.serviceCIDR),
    images: imageCatalogue(),
    processes: new Map<string, AppProcess>(),
    counters: new Map<string, number>(),
    warnings: [] as string[],
    api: undefined as unknown as ApiServer,
    imageFor(image: string) { return sim.images.find((e) => e.matches(image)); },
    controllerContext() { return { store: sim.store, clock: sim.clock, rng: sim.rng, topology, config: sim.config }; },
    settle() {
      for (let round = 0; round < 50; round++) {
        let changed = false;
        for (const c of CONTROLLERS) {
          for (const change of c.reconcile(sim.controllerContext())) {
            if (change.op === 'put') {
              if (sameObject(sim.store.get(change.object.kind, change.object.metadata.name, change.object.metadata.namespace), change.object)) continue;
              sim.store.put(change.object);
            } else if (!sim.store.delete(change.ref)) continue;
            changed = true;
          }
        }
        syncProcesses();
        if (!changed) return;
      }
      throw new Error('did not settle');
    },
  };
  const syncProcesses = () => {
    const live = new Set<string>();
    for (const pod of sim.store.list<Pod>('Pod')) {
      const uid = pod.metadata.uid;
      if (!uid || pod.status?.phase !== 'Running') continue;
      live.add(uid);
      const entry = sim.imageFor(pod.spec.containers[0]?.image ?? '');
      if (!sim.processes.has(uid) && entry) sim.processes.set(uid, entry.start(pod, sim as unknown as Simulation));
    }
    for (const uid of [...sim.processes.keys()]) if (!live.has(uid)) sim.processes.delete(uid);
  };
  sim.api = fakeApi(sim.store, sim.rng, sim.clock);
  bootstrapCluster(sim as unknown as Simulation);
  return sim as unknown as Simulation;
}

function fakeApi(store: ObjectStore, rng: Random, clock: ManualClock): ApiServer {
  const ok = (object: KubeObject, outcome: 'created' | 'replaced' | 'deleted'): ApiResult => ({ ok: true, object, outcome, warnings: [] });
  const remove = (ref: ObjectRef): void => {
    const gone = store.get(ref.kind, ref.name, ref.namespace);
    store.delete(ref);
    if (!gone) return;
    for (const kind of ['ReplicaSet', 'Pod', 'EndpointSlice']) {
      for (const dep of store.list(kind)) {
        if (dep.metadata.ownerReferences?.some((o) => o.uid === gone.metadata.uid)) remove({ kind, name: dep.metadata.name, namespace: dep.metadata.namespace });
      }
    }
  };
  return {
    create: (obj) => ok(store.put({ ...obj, metadata: { ...obj.metadata, uid: randomUid(rng), creationTimestamp: rfc3339(clock.now()), generation: 1 } }), 'created'),
    apply: (obj) => ok(store.put(obj), 'created'),
    update: (obj) => ok(store.put(obj), 'replaced'),
    patch: () => { throw new Error('patch is not faked'); },
    delete: (ref) => { const obj = store.get(ref.kind, ref.name, ref.namespace)!; remove(ref); return ok(obj, 'deleted'); },
    addAdmission: () => undefined,
  };
}
