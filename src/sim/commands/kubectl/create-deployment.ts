/** `kubectl create deployment NAME --image=I [--replicas=N] [--port=P] [-- command…]`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { finishGenerated, typedMeta, nameArgument } from './generated.ts';

/** `kubectl create deployment`. */
export const createDeploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  summary: 'Create a deployment with the specified name',
  usage: 'create deployment NAME --image=image -- [COMMAND] [args...] [flags]',
  flags: [
    { name: 'image', kind: 'strings' },
    { name: 'replicas', short: 'r', kind: 'int' },
    { name: 'port', kind: 'int' },
    OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE,
  ],
  run: (inv) => {
    const arg = nameArgument(inv);
    if (!arg.ok) return arg.error;
    const name = arg.name;
    const images = inv.flags.list('image');
    if (images.length === 0) return kubectlError('required flag(s) "image" not set');
    if (images.length > 1 && inv.dashArgs?.length) return kubectlError('error: cannot specify multiple --image options and command');
    return finishGenerated({ inv, object: deploymentObject(inv, name, images), verb: 'created', errorText: (s) => `error: failed to create deployment: ${s.message}` });
  },
};

/** The Deployment `kubectl create deployment` builds, in Go struct field order. */
export function deploymentObject(inv: Invocation, name: string, images: string[]): KubeObject {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go createDeployment/buildPodSpec (v1.31).
  const labels = { app: name };
  const port = inv.flags.string('port');
  const containers = images.map((image, i) => {
    const container: Record<string, unknown> = { name: containerName(image, inv, i), image };
    if (inv.dashArgs?.length) container['command'] = inv.dashArgs;
    if (i === 0 && port !== undefined && Number(port) >= 0) container['ports'] = [{ containerPort: Number(port) }];
    container['resources'] = {};
    return container;
  });
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: typedMeta(inv, name, labels),
    spec: {
      replicas: Number(inv.flags.string('replicas') ?? '1'),
      selector: { matchLabels: { ...labels } },
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject;
}

// The image's last path element without tag or digest; "_" and "." become "-" plus a random suffix.
function containerName(image: string, inv: Invocation, _index: number): string {
  let name = image.split('/').at(-1)!.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${inv.sim.rng.string(5, 'bcdfghjklmnpqrstvwxz2456789')}`;
  return name;
}
