/**
 * The files a lab command line may read and write: the scenario's work folder (howe.yml, tls.crt…),
 * /dev/null, /dev/stdout, /dev/stderr, and the client host's /etc/hosts (kept as the resolver's map).
 */
import { readFileSync, writeFileSync, appendFileSync, existsSync, statSync } from 'node:fs';
import { resolve, relative, isAbsolute } from 'node:path';
import type { Source } from '../network/source.ts';

/** Where a redirection writes. */
export type WriteTarget =
  | { kind: 'file'; path: string }
  | { kind: 'null' }
  | { kind: 'stdout' }
  | { kind: 'stderr' }
  | { kind: 'hosts' };

/** A path outside what the lab models, or a missing file. The message is the shell's (or the program's) line. */
export class FileAccessError extends Error {}

/** Resolves a path as a program on `source` sees it; throws FileAccessError for paths the lab does not model. */
export function resolveLabPath(path: string, workdir: string, source: Source, mode: 'read' | 'write'): WriteTarget {
  if (path === '/dev/null') return { kind: 'null' };
  if (path === '/dev/stdout') return { kind: 'stdout' };
  if (path === '/dev/stderr') return { kind: 'stderr' };
  if (path === '/etc/hosts' && source.kind === 'host') return { kind: 'hosts' };
  if (isAbsolute(path) || path.startsWith('~')) {
    throw new FileAccessError(`${path}: kubelab models only files in the work folder, /dev/null${source.kind === 'host' ? ' and /etc/hosts' : ''}; use a relative path`);
  }
  const full = resolve(workdir, path);
  const rel = relative(workdir, full);
  if (rel.startsWith('..')) throw new FileAccessError(`${path}: kubelab models only files inside the work folder; use a path without ".."`);
  if (mode === 'read' && !existsSync(full)) throw new FileAccessError(`${path}: No such file or directory`);
  if (existsSync(full) && statSync(full).isDirectory()) throw new FileAccessError(`${path}: Is a directory`);
  return { kind: 'file', path: full };
}

/** Reads a file a program names (relative to the work folder, or /etc/hosts on the host). */
export function readLabFile(path: string, workdir: string, source: Source): string {
  const target = resolveLabPath(path, workdir, source, 'read');
  switch (target.kind) {
    case 'file': return readFileSync(target.path, 'utf8');
    case 'hosts': return renderHosts(source);
    default: return '';
  }
}

/** Truncates (">") a target before the command runs, as the shell opens it first. */
export function truncateTarget(target: WriteTarget, source: Source): void {
  if (target.kind === 'file') writeFileSync(target.path, '');
  if (target.kind === 'hosts' && source.kind === 'host') source.hosts.clear();
}

/** Appends text to a file target; /etc/hosts lines update the host's name map. */
export function appendTarget(target: WriteTarget, text: string, source: Source): void {
  if (text === '') return;
  if (target.kind === 'file') appendFileSync(target.path, text);
  if (target.kind === 'hosts' && source.kind === 'host') addHostsLines(source.hosts, text);
}

/** Writes a whole file (sed -i). */
export function writeLabFile(path: string, workdir: string, source: Source, text: string): void {
  const target = resolveLabPath(path, workdir, source, 'write');
  truncateTarget(target, source);
  appendTarget(target, text, source);
}

// SRC: hosts(5): "IP_address canonical_hostname [aliases...]", # starts a comment; the first line naming a host wins.
function addHostsLines(hosts: Map<string, string>, text: string): void {
  for (const raw of text.split('\n')) {
    const [ip, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip) continue;
    for (const name of names) if (!hosts.has(name)) hosts.set(name, ip);
  }
}

/** The client host's /etc/hosts as a Rocky 9 machine ships it plus the lab's entries. */
export function renderHosts(source: Extract<Source, { kind: 'host' }> | Source): string {
  const base = '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n';
  if (source.kind !== 'host') return base;
  return base + [...source.hosts].map(([name, ip]) => `${ip} ${name}\n`).join('');
}
