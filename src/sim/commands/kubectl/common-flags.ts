/** Flags several kubectl commands share, and how kubectl reads them (namespace, dry-run). */
import type { FlagSpec, ParsedFlags } from './flags.ts';

/** kubectl's persistent flags (available on every command). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'context', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'user', kind: 'string' },
  { name: 'server', short: 's', kind: 'string' },
  { name: 'v', short: 'v', kind: 'string' },
  { name: 'help', short: 'h', kind: 'bool' },
];

/** Persistent flags the lab does not model, with why (reported instead of silently ignored). */
export const REJECTED_GLOBAL_FLAGS: Record<string, string> = {
  context: 'the simulated lab has a single kubeconfig context (kubernetes-admin@kubernetes); drop --context',
  kubeconfig: 'the simulated kubectl always talks to the lab cluster; drop --kubeconfig',
  cluster: 'the simulated lab has a single cluster (kubernetes); drop --cluster',
  user: 'the simulated lab has a single user (kubernetes-admin); drop --user',
  server: 'the simulated kubectl always talks to https://172.25.250.100:6443; drop --server',
  v: 'klog verbosity (-v) is not modelled: the simulated kubectl prints no request logs; drop -v',
};

export const FILENAME: FlagSpec = { name: 'filename', short: 'f', kind: 'strings' };
export const RECURSIVE: FlagSpec = { name: 'recursive', short: 'R', kind: 'bool' };
export const SELECTOR: FlagSpec = { name: 'selector', short: 'l', kind: 'string' };
export const OUTPUT: FlagSpec = { name: 'output', short: 'o', kind: 'string' };
export const ALL_NAMESPACES: FlagSpec = { name: 'all-namespaces', short: 'A', kind: 'bool' };
// SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go AddDryRunFlag (v1.31): NoOptDefVal "unchanged".
export const DRY_RUN: FlagSpec = { name: 'dry-run', kind: 'string', noOptDefault: 'unchanged' };
export const SHOW_LABELS: FlagSpec = { name: 'show-labels', kind: 'bool' };
export const NO_HEADERS: FlagSpec = { name: 'no-headers', kind: 'bool' };
export const FIELD_MANAGER: FlagSpec = { name: 'field-manager', kind: 'string' };
export const SAVE_CONFIG: FlagSpec = { name: 'save-config', kind: 'bool' };
export const VALIDATE: FlagSpec = { name: 'validate', kind: 'string', noOptDefault: 'strict' };

/** The dry-run strategy of a command. */
export type DryRun = 'none' | 'client' | 'server';

/** kubectl's GetDryRunStrategy: the strategy, a deprecation warning, or the error for a bad value. */
export function dryRunOf(flags: ParsedFlags): { ok: true; dryRun: DryRun; warning?: string } | { ok: false; message: string } {
  // SRC: kubernetes staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go GetDryRunStrategy (v1.31).
  const value = flags.string('dry-run') ?? 'none';
  if (value === 'client' || value === 'server' || value === 'none') return { ok: true, dryRun: value };
  if (value === 'unchanged') return { ok: true, dryRun: 'client', warning: '--dry-run is deprecated and can be replaced with --dry-run=client.' };
  const asBool = ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value) ? true : ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value) ? false : undefined;
  if (asBool !== undefined) {
    const replacement = asBool ? 'client' : 'none';
    return { ok: true, dryRun: replacement, warning: `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${replacement}.` };
  }
  return { ok: false, message: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
}

/** The success suffix kubectl adds under a dry run (PrintFlagsWithDryRunStrategy). */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}
