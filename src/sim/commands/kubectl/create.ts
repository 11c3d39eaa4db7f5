/** `kubectl create -f FILE` and the generator sub-commands of CREATE_GENERATORS. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, FILENAME, OUTPUT, RECURSIVE, SAVE_CONFIG, VALIDATE } from './common-flags.ts';
import { kubectlError, usageError } from './output-text.ts';
import { writeFromFiles } from './write-objects.ts';
import { CREATE_GENERATORS } from './create-generators.ts';
import { withLastApplied } from '../../apiserver/apply.ts';

/** `kubectl create`. Sub-commands are read from CREATE_GENERATORS when the tree is built. */
export function createCommand(): KubectlCommand {
  return {
    name: 'create',
    summary: 'Create a resource from a file or from stdin',
    usage: 'create -f FILENAME [flags]',
    flags: [FILENAME, RECURSIVE, OUTPUT, DRY_RUN, FIELD_MANAGER, SAVE_CONFIG, VALIDATE, { name: 'edit', kind: 'bool' }],
    subcommands: Object.values(CREATE_GENERATORS),
    run: runCreate,
  };
}

function runCreate(inv: Invocation) {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/create/create.go RunCreate (v1.31).
  if (inv.args.length > 0) return usageError(inv.path, `Unexpected args: [${inv.args.join(' ')}]`);
  if (inv.flags.bool('edit')) return kubectlError('--edit needs an interactive editor, which a scenario does not have; create the object from a file instead');
  const saveConfig = inv.flags.bool('save-config');
  return writeFromFiles(inv, 'create', {
    // --save-config records the manifest as kubectl apply would (GetModifiedConfiguration), so a later apply
    // can three-way merge. SRC: kubectl pkg/cmd/create/create.go + pkg/util/apply.go (v1.31).
    send: (p, dryRun) => inv.sim.api.create(saveConfig ? withLastApplied(p.object) : p.object, { dryRun }),
    operation: () => 'creating',
    clientDryRun: (p) => ({ outcome: 'created', object: p.object }),
  });
}
