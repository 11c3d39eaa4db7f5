/** The `nslookup` program: BusyBox's in the busyboxplus client pods, BIND 9.16's on the Rocky nodes and client host. */
import type { CommandHandler } from './command.ts';
import { runNslookup } from '../dns/nslookup-run.ts';
import { sourceResolvConf, hostsFile } from '../dns/name-lookup.ts';
import { sendDns } from '../network/dns-transport.ts';

/** `nslookup NAME [SERVER]` bound to the simulated network of the machine it runs on. */
export const nslookup: CommandHandler = async (argv, ctx) => {
  const { sim, source } = ctx;
  return runNslookup(argv.slice(1), {
    style: source.kind === 'pod' ? 'busybox' : 'bind',
    query: (server, q) => (sim.transport?.dns ?? sendDns)(sim, source, server, 53, q),
    resolvConf: sourceResolvConf(sim, source),
    hosts: hostsFile(sim, source),
    advance: (ms) => sim.clock.advance(ms),
  });
};
