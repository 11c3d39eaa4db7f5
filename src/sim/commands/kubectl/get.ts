/** `kubectl get`: tables (with -o wide, -A, --show-labels, --no-headers), yaml/json/name/jsonpath/custom-columns. */
import type { KubeObject } from '../../../model/meta.ts';
import type { ResourceType } from '../../kinds.ts';
import type { KubectlCommand, Invocation } from './command-tree.ts';
import { ALL_NAMESPACES, FILENAME, NO_HEADERS, OUTPUT, RECURSIVE, SELECTOR, SHOW_LABELS } from './common-flags.ts';
import { KubectlOutput, kubectlError } from './output-text.ts';
import { parseOutputFormat, printStructured } from './output-format.ts';
import { parseResourceArgs, listObjects, getObject, objectLabel, quotedObject, type ResourceRequest } from './resources.ts';
import { parseSelector, matchesSelector } from './selector.ts';
import { printGetTables } from './get-tables.ts';
import { fileTargets, reportVisitErrors, singleFile } from './file-targets.ts';
import type { CliError } from './cli-errors.ts';

/** `kubectl get`. */
export const getCommand: KubectlCommand = {
  name: 'get',
  summary: 'Display one or many resources',
  usage: 'get [(-o|--output=)json|yaml|name|wide|custom-columns=...|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  flags: [
    OUTPUT, SELECTOR, ALL_NAMESPACES, SHOW_LABELS, NO_HEADERS, FILENAME, RECURSIVE,
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'watch-only', kind: 'bool' },
    { name: 'sort-by', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
    { name: 'label-columns', short: 'L', kind: 'strings' },
    { name: 'show-kind', kind: 'bool' },
  ],
  run: runGet,
};

function runGet(inv: Invocation) {
  const { flags } = inv;
  if (flags.bool('watch') || flags.bool('watch-only')) {
    return kubectlError('--watch is not supported in a scenario: the simulated kubectl prints the current state once and exits. Run `kubectl get` again after the change (the simulator settles before every command).');
  }
  for (const name of ['sort-by', 'field-selector']) {
    if (flags.has(name)) return kubectlError(`--${name} is not modelled by the simulated kubectl; filter with -l or print with -o jsonpath/custom-columns instead`);
  }
  const format = parseOutputFormat(flags.string('output'), true);
  if (!format.ok) return kubectlError(format.message);
  const selector = parseSelector(flags.string('selector') ?? '');
  if (!selector.ok) return kubectlError(selector.message);
  const allNamespaces = flags.bool('all-namespaces');
  const requests = requestsOf(inv);
  if (!requests.ok) return kubectlError(requests.message);
  if (requests.requests.length === 0 && !inv.flags.has('filename')) {
    // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/get/get.go RequireResourceType (v1.31).
    return kubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  if (allNamespaces && requests.requests.some((r) => 'names' in r && r.names)) return kubectlError('error: a resource cannot be retrieved by name across all namespaces');

  const out = new KubectlOutput();
  // Errors are collected in visit order and printed once at the end (get.go Run: allErrs, then CheckErr).
  const errors: CliError[] = [];
  const groups: { type: ResourceType; objects: KubeObject[] }[] = [];
  for (const req of requests.requests) {
    if ('error' in req) {
      errors.push(req.error);
      continue;
    }
    const objects: KubeObject[] = [];
    if (req.names) {
      for (const name of req.names) {
        const obj = getObject(inv.sim, req.type, name, req.namespace ?? inv.namespace);
        if (obj) objects.push(obj);
        else errors.push(notFoundError(req.type, name));
      }
    } else {
      objects.push(...listObjects(inv.sim, req.type, allNamespaces ? undefined : inv.namespace).filter((o) => matchesSelector(selector.requirements, o.metadata.labels)));
    }
    groups.push({ type: req.type, objects });
  }
  reportVisitErrors(out, errors, requests.streamError);

  const all = groups.flatMap((g) => g.objects);
  // SRC: cli-runtime pkg/resource/builder.go: one name, or one plain file, implies a single item (else a List is printed).
  const single = all.length === 1 && (inv.flags.has('filename') ? singleFile(inv) : singleName(requests.requests));
  if (format.format.kind !== 'table') {
    const nameOf = (o: KubeObject) => objectLabel(groups.find((g) => g.objects.includes(o))!.type, o.metadata.name);
    const printed = printStructured(all, format.format, { single, nameOf, noHeaders: flags.bool('no-headers') });
    if (!printed.ok) return kubectlError(printed.message);
    return prepend(out, printed.text).done();
  }
  const printed = printGetTables(
    groups,
    {
      allNamespaces,
      showKind: flags.bool('show-kind'),
      showLabels: flags.bool('show-labels'),
      noHeaders: flags.bool('no-headers'),
      labelColumns: flags.list('label-columns').flatMap((v) => v.split(',')),
      namespace: inv.namespace,
    },
    { now: inv.sim.clock.now(), store: inv.sim.store, wide: format.format.wide },
  );
  // The empty message is printed only when no error was reported.
  if (printed.empty && out.exitCode === 0) out.err(printed.empty);
  return prepend(out, printed.stdout).done();
}

type GetRequest = (ResourceRequest & { namespace?: string }) | { error: CliError };

// Objects named in -f files (each document's error kept in its place, the files' stream error apart), or the positional TYPE/NAME arguments.
function requestsOf(inv: Invocation): { ok: true; requests: GetRequest[]; streamError?: CliError } | { ok: false; message: string } {
  if (inv.flags.has('filename')) {
    if (inv.args.length > 0) return { ok: false, message: 'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well' };
    const read = fileTargets(inv);
    if (!read.ok) return read;
    const requests = read.targets.map((t): GetRequest => ('error' in t ? t : { type: t.type, names: [t.name], namespace: t.namespace }));
    return read.streamError ? { ok: true, requests, streamError: read.streamError } : { ok: true, requests };
  }
  return parseResourceArgs(inv.sim, inv.args);
}

function singleName(requests: GetRequest[]): boolean {
  const [only] = requests;
  return requests.length === 1 && only !== undefined && 'names' in only && only.names?.length === 1;
}

// SRC: cli-runtime pkg/resource/visitor.go RetrieveLatest: the server's NotFound, without the file name (not AddSourceToErr).
function notFoundError(type: ResourceType, name: string): CliError {
  return { kind: 'status', status: { code: 404, reason: 'NotFound', message: `${quotedObject(type, name)} not found` }, context: { operation: 'getting' } };
}

function prepend(out: KubectlOutput, text: string): KubectlOutput {
  out.stdout = text + out.stdout;
  return out;
}

/** `No resources found in default namespace.`, or without the namespace under -A (whatever the resource's scope). */
export function noResourcesText(namespace: string | undefined): string {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/get/get.go Run, describe/describe.go Run (v1.31): stderr.
  return namespace === undefined ? 'No resources found' : `No resources found in ${namespace} namespace.`;
}
