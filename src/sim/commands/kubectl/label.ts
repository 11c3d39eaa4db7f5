/** `kubectl label` / `kubectl annotate TYPE NAME k=v k2- [--overwrite]`. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { KubectlOutput, kubectlError, usageError } from './output-text.ts';
import { parseResourceArgs, getObject, notFoundText, objectLabel } from './resources.ts';
import { kubectlErrorText } from '../../apiserver/kubectl-errors.ts';

function metadataCommand(name: 'label' | 'annotate', field: 'labels' | 'annotations', verb: string): KubectlCommand {
  return {
    name,
    summary: name === 'label' ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    usage: `${name} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [flags]`,
    flags: [{ name: 'overwrite', kind: 'bool' }],
    run: (inv: Invocation) => {
      // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/label/label.go and annotate/annotate.go (v1.31).
      const changes = inv.args.filter((a) => a.includes('=') || a.endsWith('-'));
      const resources = inv.args.filter((a) => !changes.includes(a));
      if (changes.length === 0) return usageError(inv.path, `at least one ${name === 'label' ? 'label' : 'annotation'} update is required`);
      const parsed = parseResourceArgs(inv.sim, resources);
      if (!parsed.ok) return kubectlError(parsed.message);
      const out = new KubectlOutput();
      for (const req of parsed.requests) {
        for (const objName of req.names ?? []) {
          const live = getObject(inv.sim, req.type, objName, inv.namespace);
          if (!live) {
            out.fail(notFoundText(req.type, objName));
            continue;
          }
          const current = live.metadata[field] ?? {};
          const patch: Record<string, string | null> = {};
          for (const change of changes) {
            if (change.endsWith('-') && !change.includes('=')) {
              if (change.slice(0, -1) in current) patch[change.slice(0, -1)] = null;
              continue;
            }
            const [key, ...rest] = change.split('=');
            const value = rest.join('=');
            if (key! in current && current[key!] !== value && !inv.flags.bool('overwrite')) {
              return out.fail(`error: '${key}' already has a value (${current[key!]}), and --overwrite is false`).done();
            }
            if (current[key!] !== value) patch[key!] = value;
          }
          if (Object.keys(patch).length === 0) {
            out.out(`${objectLabel(req.type, objName)} not ${verb}`);
            continue;
          }
          const ref = req.type.namespaced ? { kind: req.type.kind, name: objName, namespace: inv.namespace } : { kind: req.type.kind, name: objName };
          const result = inv.sim.api.patch(ref, { metadata: { [field]: patch } }, 'merge');
          out.warnings(result.warnings);
          if (!result.ok) {
            out.fail(kubectlErrorText(result.status, { operation: 'patching' }));
            continue;
          }
          inv.sim.settle();
          out.out(`${objectLabel(req.type, objName)} ${verb}`);
        }
      }
      return out.done();
    },
  };
}

/** `kubectl label`. */
export const labelCommand = metadataCommand('label', 'labels', 'labeled');
/** `kubectl annotate`. */
export const annotateCommand = metadataCommand('annotate', 'annotations', 'annotated');
