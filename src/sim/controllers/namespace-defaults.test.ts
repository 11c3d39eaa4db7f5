import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigMap } from '../../model/core.ts';
import { Simulation } from '../simulation.ts';
import { CLUSTER_CA_PEM } from '../apps/kube-apiserver-certificate.ts';
import { ROOT_CA_DESCRIPTION } from './namespace-defaults.ts';

// Every active namespace gets the serviceaccount controller's `default` account and the root-ca-cert-publisher's
// kube-root-ca.crt (SRC: kubernetes pkg/controller/serviceaccount/serviceaccounts_controller.go,
// pkg/controller/certificates/rootcacertpublisher/publisher.go, v1.31).
const cases: { name: string; act: (sim: Simulation) => void; namespace: string }[] = [
  { name: 'the four kubeadm namespaces', act: () => {}, namespace: 'kube-node-lease' },
  { name: 'kube-system', act: () => {}, namespace: 'kube-system' },
  { name: 'a namespace created later', act: (sim) => void sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ingress-nginx' } }), namespace: 'ingress-nginx' },
  {
    name: 'an edited kube-root-ca.crt is put back',
    act: (sim) => {
      const cm = sim.store.get<ConfigMap>('ConfigMap', 'kube-root-ca.crt', 'default')!;
      assert.ok(sim.api.update({ ...cm, data: { 'ca.crt': 'edited', extra: 'x' } }).ok);
    },
    namespace: 'default',
  },
];
for (const c of cases) {
  test(`namespace defaults: ${c.name}`, () => {
    const sim = new Simulation({ seed: 7 });
    c.act(sim);
    sim.settle();
    const account = sim.store.get('ServiceAccount', 'default', c.namespace);
    assert.ok(account?.metadata.uid, 'default ServiceAccount with a uid');
    const cm = sim.store.get<ConfigMap>('ConfigMap', 'kube-root-ca.crt', c.namespace)!;
    assert.deepEqual(cm.data, { 'ca.crt': CLUSTER_CA_PEM });
    assert.equal(cm.metadata.annotations?.['kubernetes.io/description'], ROOT_CA_DESCRIPTION);
    assert.ok(cm.metadata.creationTimestamp);
  });
}

test('namespace defaults: a deleted namespace takes them along and nothing recreates them', () => {
  const sim = new Simulation({ seed: 7 });
  sim.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
  sim.settle();
  assert.ok(sim.store.get('ServiceAccount', 'default', 'lab'));
  assert.ok(sim.api.delete({ kind: 'Namespace', name: 'lab' }).ok);
  sim.settle();
  assert.equal(sim.store.get('ServiceAccount', 'default', 'lab'), undefined);
  assert.equal(sim.store.get('ConfigMap', 'kube-root-ca.crt', 'lab'), undefined);
});
