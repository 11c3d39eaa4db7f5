/**
 * iptables / iptables-save on a lab node (iptables v1.8.7 nf_tables, Rocky 9), read-only: the
 * listing forms the tutorial uses (-t nat -nL [CHAIN], -L -n, -S) over kube-proxy's rules.
 * SRC: iptables 1.8.7 iptables/xshared.c + nft.c (messages), iptables-save.c.
 */
import { textOutput, type CommandHandler } from './command.ts';
import { nodeProxyRules } from './node-rules.ts';
import { renderIptablesList, renderIptablesSave, hasChain, IPTABLES_VERSION } from '../kube-proxy/render-iptables.ts';

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";
const MUTATING = new Set(['-A', '--append', '-I', '--insert', '-D', '--delete', '-R', '--replace', '-F', '--flush', '-N', '--new-chain', '-X', '--delete-chain', '-P', '--policy', '-Z', '--zero', '-E', '--rename-chain']);

/** iptables [-t TABLE] (-L [CHAIN] [-n] | -S [CHAIN]). */
export const iptables: CommandHandler = async (argv, ctx) => {
  const rules = nodeProxyRules(ctx);
  if (!rules) return textOutput('', 'iptables: kubelab models iptables on nodes only\n', 1);
  let table = 'filter';
  let command: 'list' | 'save' | undefined;
  let chain: string | undefined;
  let numeric = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (MUTATING.has(a)) return textOutput('', `iptables ${IPTABLES_VERSION}: kubelab's iptables is read-only (kube-proxy owns these rules); "${a}" is not supported\n`, 2);
    if (a === '-t' || a === '--table') { const t = argv[++i]; if (t === undefined) return textOutput('', `iptables ${IPTABLES_VERSION}: option "${a}" requires an argument\n${TRY}`, 2); table = t; continue; }
    if (a === '-n' || a === '--numeric') { numeric = true; continue; }
    if (a === '-L' || a === '--list' || a === '-S' || a === '--list-rules') {
      command = a === '-L' || a === '--list' ? 'list' : 'save';
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) chain = argv[++i];
      continue;
    }
    // Combined short flags: -nL, -Ln, -tnat is not iptables syntax but -nvL is (v unsupported).
    if (/^-[nLS]+$/.test(a)) {
      if (a.includes('n')) numeric = true;
      if (a.includes('L') && a.includes('S')) return textOutput('', `iptables ${IPTABLES_VERSION}: Illegal option \`-S' with this command\n${TRY}`, 2);
      command = a.includes('L') ? 'list' : a.includes('S') ? 'save' : command;
      if (a.includes('L') || a.includes('S')) if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) chain = argv[++i];
      continue;
    }
    return textOutput('', `iptables ${IPTABLES_VERSION}: unknown option "${a}"\n${TRY}`, 2);
  }
  if (!command) return textOutput('', `iptables ${IPTABLES_VERSION}: no command specified\n${TRY}`, 2);
  if (table !== 'nat' && table !== 'filter') {
    return textOutput('', `iptables ${IPTABLES_VERSION}: table '${table}' does not exist\nkubelab models the nat and filter tables (the ones kube-proxy writes)\n`, 3);
  }
  if (chain !== undefined && !hasChain(rules, table, chain)) return textOutput('', 'iptables: No chain/target/match by that name.\n', 1);
  if (command === 'list') return textOutput(renderIptablesList(rules, { table, ...(chain !== undefined ? { chain } : {}), numeric }));
  return textOutput(listRules(renderIptablesSave(rules, { table }), chain));
};

// SRC: iptables -S prints policies (-P) for built-in chains, -N for user chains, then the -A rules, as iptables-save does inside a table.
function listRules(save: string, chain: string | undefined): string {
  const out: string[] = [];
  for (const line of save.split('\n')) {
    const decl = /^:(\S+) (\S+) /.exec(line);
    if (decl) {
      if (chain === undefined || decl[1] === chain) out.push(decl[2] === '-' ? `-N ${decl[1]}` : `-P ${decl[1]} ${decl[2]}`);
    } else if (line.startsWith('-A ') && (chain === undefined || line.startsWith(`-A ${chain} `))) out.push(line);
  }
  return out.map((l) => `${l}\n`).join('');
}

/** iptables-save [-t TABLE]. */
export const iptablesSave: CommandHandler = async (argv, ctx) => {
  const rules = nodeProxyRules(ctx);
  if (!rules) return textOutput('', 'iptables-save: kubelab models iptables on nodes only\n', 1);
  let table: 'nat' | 'filter' | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t' || a === '--table') {
      const t = argv[++i];
      if (t !== 'nat' && t !== 'filter') return textOutput('', `iptables-save ${IPTABLES_VERSION}: Cannot initialize: Table does not exist (do you need to insmod?)\n`, 1);
      table = t;
    } else return textOutput('', `iptables-save ${IPTABLES_VERSION}: unknown option "${a}"\n`, 1);
  }
  return textOutput(renderIptablesSave(rules, { ...(table ? { table } : {}), now: ctx.sim.clock.now() }));
};
