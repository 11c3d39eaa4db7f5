/** `kubectl create -f FILE` and the generator sub-commands of CREATE_GENERATORS. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, FILENAME, OUTPUT, RECURSIVE, SAVE_CONFIG, VALIDATE, dryRunOf } from './common-flags.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { parseOutputFormat } from './output-format.ts';
import { prepareObjects, writeAll } from './write-objects.ts';
import { CREATE_GENERATORS } from './create-generators.ts';
import { LAST_APPLIED } from './apply.ts';

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
  const dry = dryRunOf(inv.flags);
  if (!dry.ok) return kubectlError(dry.message);
  const format = parseOutputFormat(inv.flags.string('output'), false);
  if (!format.ok) return kubectlError(format.message);
  const prepared = prepareObjects(inv);
  if (!prepared.ok) return kubectlError(prepared.message);
  const out = new KubectlOutput();
  if (dry.warning) out.err(dry.warning);
  const saveConfig = inv.flags.bool('save-config');
  return writeAll(
    {
      inv,
      command: 'create',
      prepared: prepared.prepared,
      dryRun: dry.dryRun,
      format: format.format,
      send: (p, dryRun) => {
        const object = structuredClone(p.object);
        // --save-config records the manifest as kubectl apply would, so a later apply can three-way merge.
        if (saveConfig) object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: `${JSON.stringify(p.object)}\n` };
        return inv.sim.api.create(object, { dryRun });
      },
      operation: () => 'creating',
      clientDryRun: (p) => ({ outcome: 'created', object: p.object }),
    },
    out,
  ).done();
}
