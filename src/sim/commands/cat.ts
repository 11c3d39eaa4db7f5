/** cat: files of the work folder, stdin, and the few system files a lab machine's programs read. */
import { textOutput, type CommandHandler, type CommandContext } from './command.ts';
import { readLabFile, renderHosts, FileAccessError } from './shell-files.ts';
import { podResolvConf } from '../dns/resolv-conf.ts';
import type { Pod } from '../../model/core.ts';

/** cat [-n] [FILE...]; `-` or no file reads stdin. SRC: coreutils cat.c (-n: "%6d\t" line numbers). */
export const cat: CommandHandler = async (argv, ctx) => {
  let number = false;
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-n' || a === '--number') number = true;
    else if (a.startsWith('-') && a !== '-') {
      const msg = a.startsWith('--') ? `cat: unrecognized option '${a}'` : `cat: invalid option -- '${a[1]}'`;
      return textOutput('', `${msg}\nTry 'cat --help' for more information.\n`, 1);
    } else files.push(a);
  }
  let stdout = '';
  let stderr = '';
  for (const f of files.length ? files : ['-']) {
    try {
      stdout += f === '-' ? ctx.stdin : readFile(f, ctx);
    } catch (err) {
      if (!(err instanceof FileAccessError)) throw err;
      stderr += `cat: ${err.message}\n`;
    }
  }
  if (number && stdout) stdout = stdout.split(/(?<=\n)/).map((l, i) => `${String(i + 1).padStart(6)}\t${l}`).join('');
  return textOutput(stdout, stderr, stderr ? 1 : 0);
};

function readFile(path: string, ctx: CommandContext): string {
  const { source } = ctx;
  if (path === '/etc/resolv.conf' && source.kind === 'pod') return podResolvConf(ctx.sim, source.namespace);
  if (path === '/etc/hosts' && source.kind === 'pod') return podHosts(ctx);
  // kubeadm labs list every node in each node's /etc/hosts (the nodes reach each other by name).
  if (path === '/etc/hosts' && source.kind === 'node') return renderHosts(source) + ctx.sim.topology.nodes.map((n) => `${n.ip} ${n.name}\n`).join('');
  return readLabFile(path, ctx.workdir, source);
}

// SRC: kubernetes pkg/kubelet/kubelet_pods.go managedHostsFileContent (v1.31): the kubelet-written /etc/hosts.
function podHosts(ctx: CommandContext): string {
  if (ctx.source.kind !== 'pod') return '';
  const pod = ctx.sim.store.get<Pod>('Pod', ctx.source.pod, ctx.source.namespace);
  const hostname = pod?.spec.hostname ?? ctx.source.pod;
  const fqdn = pod?.spec.subdomain ? `${hostname}.${pod.spec.subdomain}.${ctx.source.namespace}.svc.${ctx.sim.topology.clusterDomain}\t` : '';
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${ctx.source.ip}\t${fqdn}${hostname}`,
    '',
  ].join('\n');
}
