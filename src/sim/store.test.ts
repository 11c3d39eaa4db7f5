/** The object store: list order, copies versus the frozen view, snapshots. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ObjectStore } from './store.ts';
import type { KubeObject } from '../model/meta.ts';

const cm = (name: string, namespace = 'default'): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } });

test('list is in byte order of namespace then name, as etcd keys sort (uppercase before lowercase, "-" before digits)', () => {
  const store = new ObjectStore();
  for (const [name, ns] of [['b', 'default'], ['a-1', 'default'], ['a1', 'default'], ['Z', 'default'], ['x', 'a-ns']] as const) store.put(cm(name, ns));
  assert.deepEqual(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`), ['a-ns/x', 'default/Z', 'default/a-1', 'default/a1', 'default/b']);
});

test('get/list hand out copies; the frozen view hands out the stored objects, which cannot be changed', () => {
  const store = new ObjectStore();
  store.put(cm('a'));
  const copy = store.get('ConfigMap', 'a', 'default')!;
  copy.metadata.labels = { changed: 'yes' };
  assert.equal(store.get('ConfigMap', 'a', 'default')!.metadata.labels, undefined);
  const stored = store.frozenView().get('ConfigMap', 'a', 'default')!;
  assert.throws(() => { stored.metadata.labels = { changed: 'yes' }; }, TypeError);
});

test('restore puts back what a snapshot saw, including resourceVersions', () => {
  const store = new ObjectStore();
  store.put(cm('a'));
  const snapshot = store.snapshot();
  store.put(cm('b'));
  store.delete({ kind: 'ConfigMap', name: 'a', namespace: 'default' });
  store.restore(snapshot);
  assert.deepEqual(store.list('ConfigMap').map((o) => o.metadata.name), ['a']);
  assert.equal(store.put(cm('c')).metadata.resourceVersion, '1002');
});
