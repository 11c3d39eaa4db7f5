import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestImages, mirrorImage, mirrorManifestImages } from './image-mirror.ts';

const CASES = [
  { name: 'the issue\'s example: quay.io is dropped, the path kept', ref: 'quay.io/metallb/speaker:v0.14.8', to: 'reg.exam.com/metallb/speaker:v0.14.8' },
  { name: 'a digest is kept', ref: 'registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5f8', to: 'reg.exam.com/ingress-nginx/controller:v1.11.2@sha256:d5f8' },
  { name: 'Docker Hub short names get library/', ref: 'myapp:v1', to: 'reg.exam.com/library/myapp:v1' },
  { name: 'Docker Hub user images keep their user', ref: 'radial/busyboxplus:curl', to: 'reg.exam.com/radial/busyboxplus:curl' },
  { name: 'a registry with a port is a registry', ref: 'localhost:5000/kubelab/busybox:test', to: 'reg.exam.com/kubelab/busybox:test' },
];
for (const c of CASES) test(`mirrorImage: ${c.name}`, () => assert.equal(mirrorImage(c.ref, 'reg.exam.com'), c.to));

test('a mirror with a project path and a scheme', () => {
  assert.equal(mirrorImage('quay.io/metallb/controller:v0.14.8', 'https://harbor.lab:8443/mirror/'), 'harbor.lab:8443/mirror/metallb/controller:v0.14.8');
  assert.throws(() => mirrorImage('x:1', 'not a host!'), /is not a registry host/);
});

test('manifest rewrite touches only image: lines and reports what it changed', () => {
  const text = 'spec:\n  containers:\n  - name: controller\n    image: quay.io/metallb/controller:v0.14.8\n    args: ["--image: quay.io/x"]\n  - image: "registry.k8s.io/a/b:v1"\n';
  const { text: out, rewritten } = mirrorManifestImages(text, 'reg.exam.com');
  assert.equal(out, 'spec:\n  containers:\n  - name: controller\n    image: reg.exam.com/metallb/controller:v0.14.8\n    args: ["--image: quay.io/x"]\n  - image: "reg.exam.com/a/b:v1"\n');
  assert.deepEqual(rewritten.map((r) => r.from), ['quay.io/metallb/controller:v0.14.8', 'registry.k8s.io/a/b:v1']);
  assert.deepEqual(manifestImages(text), ['quay.io/metallb/controller:v0.14.8', 'registry.k8s.io/a/b:v1']);
});
