/** `kubectl describe TYPE [NAME…|-l sel]`: the DESCRIBERS text of each object, separated by blank lines. */
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { ALL_NAMESPACES, FILENAME, RECURSIVE, SELECTOR } from './common-flags.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import { parseResourceArgs, listObjects, getObject, notFoundText } from './resources.ts';
import { parseSelector, matchesSelector } from './selector.ts';
import { DESCRIBERS } from './describers/registry.ts';
import { noResourcesText } from './get.ts';

/** `kubectl describe`. */
export const describeCommand: KubectlCommand = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [flags]',
  flags: [SELECTOR, ALL_NAMESPACES, FILENAME, RECURSIVE, { name: 'show-events', kind: 'bool' }],
  run: runDescribe,
};

function runDescribe(inv: Invocation) {
  const selector = parseSelector(inv.flags.string('selector') ?? '');
  if (!selector.ok) return kubectlError(selector.message);
  if (inv.args.length === 0) return kubectlError("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl describe -h' for help and examples");
  const parsed = parseResourceArgs(inv.sim, inv.args);
  if (!parsed.ok) return kubectlError(parsed.message);
  const out = new KubectlOutput();
  const texts: string[] = [];
  const ctx = { store: inv.sim.store, now: inv.sim.clock.now() };
  const namespace = inv.flags.bool('all-namespaces') ? undefined : inv.namespace;
  for (const req of parsed.requests) {
    const describer = DESCRIBERS[req.type.kind];
    if (!describer) return kubectlError(`describe for ${req.type.plural} is not modelled by the simulated kubectl; use kubectl get ${req.type.plural} -o yaml`);
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go (v1.31): a NAME is also a name prefix.
    const objects = req.names
      ? req.names.flatMap((name) => {
          const exact = getObject(inv.sim, req.type, name, inv.namespace);
          const prefixed = exact ? [exact] : listObjects(inv.sim, req.type, inv.namespace).filter((o) => o.metadata.name.startsWith(name));
          if (prefixed.length === 0) out.fail(notFoundText(req.type, name));
          return prefixed;
        })
      : listObjects(inv.sim, req.type, namespace).filter((o) => matchesSelector(selector.requirements, o.metadata.labels));
    texts.push(...objects.map((o) => describer(o, ctx)));
  }
  // SRC: kubectl pkg/cmd/describe/describe.go Run: the empty message only when nothing was found and nothing failed.
  if (texts.length === 0 && out.exitCode === 0) out.err(noResourcesText(namespace));
  out.stdout = texts.join('\n\n') + out.stdout;
  return out.done();
}
