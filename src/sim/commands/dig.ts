/** The `dig` program of the lab's Rocky machines (BIND 9.16): one query, printed as dig prints it. */
import type { CommandHandler } from './command.ts';
import { runDig } from '../dns/dig-run.ts';
import { sourceResolvConf } from '../dns/name-lookup.ts';
import { sendDns } from '../network/dns-transport.ts';

/** `dig` bound to the DNS transport of the machine it runs on (UDP, or TCP with +tcp). */
export const dig: CommandHandler = async (argv, ctx) => {
  const { sim, source } = ctx;
  return runDig(argv.slice(1), {
    query: (server, port, q, opts) => (sim.transport?.dns ?? sendDns)(sim, source, server, port, q, opts),
    resolvConf: sourceResolvConf(sim, source),
    rng: sim.rng,
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
  });
};
