/** `kubectl create namespace NAME`. */
import type { KubeObject } from '../../../model/meta.ts';
import type { KubectlCommand } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, OUTPUT, SAVE_CONFIG, VALIDATE } from './common-flags.ts';

import { finishGenerated, nameArgument } from './generated.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

/** `kubectl create namespace`. */
export const createNamespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  summary: 'Create a namespace with the specified name',
  usage: 'create namespace NAME [--dry-run=server|client|none] [flags]',
  flags: [OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE],
  run: (inv) => {
    const arg = nameArgument(inv);
    if (!arg.ok) return arg.error;
    const name = arg.name;
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go createNamespace (v1.31).
    const object = { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} } as unknown as KubeObject;
    // create namespace returns the server error unwrapped: `Error from server (AlreadyExists): namespaces "x" already exists`.
    return finishGenerated({ inv, object, verb: 'created', errorText: (s) => kubectlErrorText(s, { operation: 'creating' }) });
  },
};
