/**
 * What `kubelab serve` runs: a simulated lab (seed, add-ons, the user's manifests applied with the
 * simulated kubectl) served on loopback. The CLI prints the table and waits for a signal.
 */
import path from 'node:path';
import { HarnessError } from '../errors.ts';
import { createSimulatedCluster } from '../cluster/simulator/simulated-cluster.ts';
import type { ClusterSetup } from '../cluster/cluster.ts';
import { serveLab } from './served-lab.ts';
import type { ServeSessionOptions, ServeSession } from './launch.ts';

/** Builds the lab, applies the files, opens the listeners. */
export async function startServeSession(opts: ServeSessionOptions): Promise<ServeSession> {
  const cluster = createSimulatedCluster({ seed: opts.seed });
  const setup: ClusterSetup = {
    ...(opts.metallbPool !== undefined ? { metallbPool: opts.metallbPool } : {}),
    ...(opts.ingressNginx !== undefined ? { ingressNginx: { serviceType: opts.ingressNginx } } : {}),
  };
  await cluster.configure(setup);
  for (const file of opts.apply) {
    const absolute = path.resolve(opts.cwd, file);
    const result = await cluster.run(`kubectl apply -f ${absolute}`, { kind: 'host' }, path.dirname(absolute));
    opts.print?.(`${result.stdout}${result.stderr}`.trimEnd());
    if (result.exitCode !== 0) {
      throw new HarnessError('INVALID_INPUT', `--apply ${file}: kubectl apply failed (exit code ${result.exitCode}); fix the manifest and start serve again`);
    }
  }
  const notes: string[] = [];
  const lab = await serveLab(cluster.simulation, {
    mapping: opts.portBase !== undefined ? { mode: 'port-base', base: opts.portBase } : { mode: 'mirror' },
    dnsPort: opts.dnsPort ?? 53,
    note: (line) => notes.push(line),
  });
  return {
    seed: opts.seed,
    table: () => lab.table(),
    notes,
    close: async () => {
      await lab.close();
      await cluster[Symbol.asyncDispose]();
    },
  };
}
