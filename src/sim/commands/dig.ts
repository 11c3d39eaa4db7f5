/** The `dig` program of the lab's Rocky machines (BIND 9.16): one query, printed as dig prints it. */
import type { CommandHandler } from './command.ts';
import { runDig } from '../dns/dig-run.ts';
import { sourceResolvConf } from '../dns/name-lookup.ts';
import { sendDns } from '../network/dns-transport.ts';

/** `dig` bound to the simulated network of the machine it runs on. */
export const dig: CommandHandler = async (argv, ctx) => {
  const { sim, source } = ctx;
  return runDig(argv.slice(1), {
    query: (server, port, q) => (sim.transport?.dns ?? sendDns)(sim, source, server, port, q),
    resolvConf: sourceResolvConf(sim, source),
    rng: sim.rng,
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
  });
};
