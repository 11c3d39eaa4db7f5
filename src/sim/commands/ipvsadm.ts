/**
 * ipvsadm on a lab node (ipvsadm 1.31): the listing forms -L/-l/--list with -n/--numeric, over the
 * IPVS table of the node's kube-proxy (empty in iptables mode, which flushes IPVS at start).
 * SRC: ipvsadm 1.31 ipvsadm.c (options, "Try `ipvsadm -h'" usage line).
 */
import { textOutput, type CommandHandler } from './command.ts';
import { nodeProxyRules } from './node-rules.ts';
import { renderIpvsadmList } from '../kube-proxy/render-ipvsadm.ts';

/** ipvsadm -Ln | -L -n | --list [--numeric]. */
export const ipvsadm: CommandHandler = async (argv, ctx) => {
  const rules = nodeProxyRules(ctx);
  if (!rules) return textOutput('', 'ipvsadm: kubelab models ipvsadm on nodes only\n', 1);
  let list = argv.length === 1; // bare `ipvsadm` lists the table
  let numeric = false;
  for (const a of argv.slice(1)) {
    if (a === '--list' || a === '-L' || a === '-l') list = true;
    else if (a === '--numeric' || a === '-n') numeric = true;
    else if (/^-[Lln]+$/.test(a)) { list ||= /[Ll]/.test(a); numeric ||= a.includes('n'); }
    else if (a.startsWith('-')) {
      return textOutput('', `ipvsadm: kubelab models only listing (-L/-l/--list, -n/--numeric); "${a}" is not supported\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`, 2);
    } else return textOutput('', `ipvsadm: unexpected argument "${a}"\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`, 2);
  }
  if (!list) return textOutput('', "ipvsadm: kubelab models only listing (-L/-l/--list, -n/--numeric)\nTry `ipvsadm -h' or 'ipvsadm --help' for more information.\n", 2);
  const hostNames = Object.fromEntries(ctx.sim.topology.nodes.map((n) => [n.ip, n.name]));
  return textOutput(rules.mode === 'ipvs' ? renderIpvsadmList(rules, { numeric, hostNames }) : renderIpvsadmList({ ...rules, servicePorts: [] }, { numeric }));
};
