/**
 * The tutorial's client host, outside the cluster: a testcontainers container attached to the cluster's
 * Docker network (kind), with the scenario's /etc/hosts entries (withExtraHosts) and the scenario's work
 * folder mounted as its working directory. Commands run in it with `sh -c`.
 */
import { GenericContainer, type StartedTestContainer } from 'testcontainers';
import { OWNER_LABEL } from './sweep.ts';

/** What starting a client host needs. */
export interface ClientHostSpec {
  image: string;
  /** The Docker network to attach to (kind's, or a test's user network). */
  network: string;
  extraHosts: { name: string; ip: string }[];
  /** The work folder shared with the container (mounted at /work, its working directory). */
  workdir?: string;
  /** Owner pid label, so the start-up sweep and teardown find it. */
  ownerPid: number;
}

/** A running client host. */
export interface ClientHost {
  /** Its address on the network. */
  readonly ip: string;
  exec(line: string): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/** Starts client hosts (injected: tests use a fake, production uses testcontainers). */
export type ClientHostFactory = (spec: ClientHostSpec) => Promise<ClientHost>;

/** The testcontainers implementation. The image must provide `sh` and `sleep`. */
export const startClientHost: ClientHostFactory = async (spec) => {
  let container = new GenericContainer(spec.image)
    .withNetworkMode(spec.network)
    .withExtraHosts(spec.extraHosts.map((h) => ({ host: h.name, ipAddress: h.ip })))
    .withLabels({ [OWNER_LABEL]: String(spec.ownerPid), 'kubelab.role': 'client-host' })
    // A container whose image has its own entrypoint (curl's) must still just wait for commands.
    .withEntrypoint(['sh', '-c'])
    .withCommand(['trap "exit 0" TERM; while :; do sleep 1; done']);
  if (spec.workdir) container = container.withBindMounts([{ source: spec.workdir, target: '/work' }]).withWorkingDir('/work');
  const started: StartedTestContainer = await container.start();
  return {
    ip: started.getIpAddress(spec.network),
    async exec(line) {
      const r = await started.exec(['sh', '-c', line]);
      return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    },
    async stop() {
      await started.stop({ timeout: 1 });
    },
  };
};
