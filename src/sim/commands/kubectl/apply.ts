/** `kubectl apply -f`: create or three-way-merge each object, `created` / `configured` / `unchanged`. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { DRY_RUN, FIELD_MANAGER, FILENAME, OUTPUT, RECURSIVE, VALIDATE } from './common-flags.ts';
import { kubectlError } from './output-text.ts';
import { writeFromFiles, type PreparedObject } from './write-objects.ts';
import { getObject } from './resources.ts';
import { LAST_APPLIED, withLastApplied } from '../../apiserver/apply.ts';

/** `kubectl apply`. */
export const applyCommand: KubectlCommand = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  usage: 'apply (-f FILENAME | -k DIRECTORY) [flags]',
  flags: [FILENAME, RECURSIVE, OUTPUT, DRY_RUN, FIELD_MANAGER, VALIDATE, { name: 'server-side', kind: 'bool' }, { name: 'kustomize', short: 'k', kind: 'string' }, { name: 'prune', kind: 'bool' }, { name: 'force', kind: 'bool' }],
  run: runApply,
};

function runApply(inv: Invocation) {
  for (const name of ['server-side', 'kustomize', 'prune', 'force']) {
    if (inv.flags.has(name)) return kubectlError(`--${name} is not modelled by the simulated kubectl; use client-side kubectl apply -f`);
  }
  const live = (p: PreparedObject) => getObject(inv.sim, p.type, p.object.metadata.name, p.object.metadata.namespace ?? inv.namespace);
  return writeFromFiles(inv, 'apply', {
    send: (p, dryRun, out) => {
      const current = live(p);
      // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation, printed as the object is patched (v1.31).
      if (current && !current.metadata.annotations?.[LAST_APPLIED]) {
        out.err(
          `Warning: resource ${p.type.plural}${p.type.group ? `.${p.type.group}` : ''}/${p.object.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
        );
      }
      return inv.sim.api.apply(p.object, { dryRun });
    },
    operation: (p) => (live(p) ? 'applying' : 'creating'),
    // SRC: apply.go applyOneObject: a client dry run GETs the object; absent → "created" with the manifest plus
    // its last-applied annotation, present → "configured" (never "unchanged") and the live object is what -o prints.
    clientDryRun: (p) => {
      const current = live(p);
      return current ? { outcome: 'configured', object: current } : { outcome: 'created', object: withLastApplied(p.object) };
    },
  });
}
