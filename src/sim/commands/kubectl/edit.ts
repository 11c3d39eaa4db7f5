/** `kubectl edit`: needs an interactive editor, which a scenario has not; explains what to use instead. */
import type { KubectlCommand } from './command-tree.ts';
import { OUTPUT, FILENAME } from './common-flags.ts';
import { kubectlError } from './output-text.ts';

/** `kubectl edit` — always exit 1 with a pointer to `kubectl patch` / `kubectl apply`. */
export const editCommand: KubectlCommand = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  usage: 'edit (RESOURCE/NAME | -f FILENAME) [flags]',
  flags: [OUTPUT, FILENAME, { name: 'save-config', kind: 'bool' }, { name: 'validate', kind: 'string', noOptDefault: 'strict' }],
  // Real kubectl opens $KUBE_EDITOR/$EDITOR (vi) on a terminal and waits for the user; a scenario has neither.
  run: (inv) =>
    kubectlError(
      `kubectl edit opens an interactive editor, which the simulated lab cannot drive. Make the same change non-interactively:\n` +
        `  kubectl${inv.namespaceExplicit ? ` -n ${inv.namespace}` : ''} patch ${inv.args.join(' ') || 'TYPE NAME'} --type merge -p '<the fields to change>'\n` +
        `or save the object (kubectl get ${inv.args.join(' ') || 'TYPE NAME'} -o yaml > obj.yaml), change the file and kubectl apply -f obj.yaml.`,
    ),
};
