/** dig's command line: `dig [@server] [-x addr] [-t type] [-p port] [name] [type] [class] [+option…]`. */
// SRC: bind9 bin/dig/dig.c parse_args/plus_option (v9.16)
import { reverseName, isIPv4 } from './names.ts';

/** What one dig invocation asks for. */
export interface DigOptions {
  name: string;
  type: string;
  server?: string;
  port: number;
  short: boolean;
  search: boolean;
  tcp: boolean;
}

/** Record types dig accepts positionally or with -t (the ones the lab's CoreDNS can be asked about). */
export const DIG_TYPES = ['A', 'AAAA', 'SRV', 'PTR', 'CNAME', 'TXT', 'SOA', 'NS', 'MX', 'ANY'];

// Real dig +options the simulator does not model: reported rather than silently ignored.
const UNMODELLED = ['trace', 'dnssec', 'multiline', 'noall', 'all', 'answer', 'noanswer', 'nocmd', 'cmd', 'stats', 'nostats', 'comments', 'nocomments',
  'question', 'noquestion', 'authority', 'noauthority', 'additional', 'noadditional', 'nocookie', 'cookie', 'noedns', 'edns', 'time', 'tries', 'retry', 'ndots', 'showsearch', 'recurse', 'norecurse', 'identify', 'ttlid', 'nottlid'];

/** Parses argv (without `dig`); `error` is the text dig (or kubelab, for unmodelled options) prints. */
export function parseDigArgs(args: string[]): { ok: true; options: DigOptions } | { ok: false; error: string } {
  const o: DigOptions = { name: '', type: '', port: 53, short: false, search: false, tcp: false };
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('@')) o.server = arg.slice(1);
    else if (arg.startsWith('+')) {
      const opt = arg.slice(1).split('=')[0]!.toLowerCase();
      if (opt === 'short') o.short = true;
      else if (opt === 'noshort') o.short = false;
      else if (opt === 'search') o.search = true;
      else if (opt === 'nosearch') o.search = false;
      else if (opt === 'tcp' || opt === 'vc') o.tcp = true;
      else if (opt === 'notcp' || opt === 'novc') o.tcp = false;
      else if (UNMODELLED.includes(opt)) return { ok: false, error: `dig: kubelab does not model the +${opt} option (modelled: +short, +search, +tcp)\n` };
      else return { ok: false, error: `Invalid option: ${arg}\n${USAGE}` };
    } else if (arg === '-x' || arg === '-t' || arg === '-p' || arg === '-c') {
      const value = args[++i];
      if (value === undefined) return { ok: false, error: `dig: option requires an argument -- '${arg.slice(1)}'\n${USAGE}` };
      if (arg === '-x') {
        if (!isIPv4(value)) return { ok: false, error: `dig: kubelab models -x for IPv4 addresses only, got '${value}'\n` };
        names.push(reverseName(value));
        o.type ||= 'PTR';
      } else if (arg === '-t') {
        if (!DIG_TYPES.includes(value.toUpperCase())) return { ok: false, error: `dig: kubelab does not model record type '${value}' (modelled: ${DIG_TYPES.join(', ')})\n` };
        o.type = value.toUpperCase();
      } else if (arg === '-p') {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, error: `dig: invalid port '${value}'\n` };
        o.port = port;
      } else if (value.toUpperCase() !== 'IN') return { ok: false, error: `dig: kubelab models class IN only, got '${value}'\n` };
    } else if (arg.startsWith('-')) return { ok: false, error: `dig: kubelab does not model the ${arg} option (modelled: @server, -x, -t, -p, -c IN, +short, +search, +tcp)\n` };
    else if (names.length > 0 && DIG_TYPES.includes(arg.toUpperCase())) o.type = arg.toUpperCase();
    else if (names.length > 0 && arg.toUpperCase() === 'IN') continue;
    else names.push(arg);
  }
  if (names.length === 0) return { ok: false, error: 'dig: kubelab needs a name to look up (dig without a name asks the root servers, which the lab cannot reach)\n' };
  if (names.length > 1) return { ok: false, error: `dig: kubelab models one lookup per dig command, got ${names.join(', ')}\n` };
  if (o.server !== undefined && !isIPv4(o.server)) return { ok: false, error: `dig: kubelab needs @server as an IPv4 address, got '${o.server}'\n` };
  o.name = names[0]!;
  o.type ||= 'A';
  return { ok: true, options: o };
}

const USAGE = 'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n';
