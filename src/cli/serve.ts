/** `kubelab serve`: the simulated lab on real loopback sockets until SIGINT/SIGTERM. */
import { HarnessError, startServe, type ServeSessionOptions } from '../index.ts';

/** The usage text of `kubelab serve`. */
export const SERVE_USAGE = `usage: kubelab serve [--seed N] [--apply FILE]... [--metallb-pool RANGE] [--ingress-nginx [NodePort|LoadBalancer]]
                     [--port-base N] [--dns-port N]

  Serves the simulated cluster on loopback only: every address the client host can reach
  (node IPs x NodePorts, LoadBalancer IPs x ports, host-network ports) gets a listener for HTTP
  and HTTPS, and a DNS server answers the cluster's names. By default 172.25.250.X:P is served on
  127.25.250.X:P (ports below 1024 need root); --port-base N uses 127.0.0.1:N, N+1, ... instead.
  The table printed at start lists every mapping.

  --seed N              replay a lab (default: KUBELAB_SEED, else random, printed)
  --apply FILE          kubectl apply -f FILE in the lab before serving (repeatable)
  --metallb-pool RANGE  install MetalLB with this address pool, e.g. 172.25.250.50-172.25.250.59
  --ingress-nginx [T]   install ingress-nginx, Service type NodePort (default) or LoadBalancer
  --port-base N         serve endpoint k on 127.0.0.1:N+k
  --dns-port N          cluster DNS on 127.96.0.10:N (default 53)
`;

/** Parsed `kubelab serve` options (without cwd/print). */
export type ServeArgs = Omit<ServeSessionOptions, 'cwd' | 'print' | 'seed'> & { seed: number | undefined; help?: boolean };

function whole(text: string | undefined, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new HarnessError('INVALID_INPUT', `${flag} needs a whole number from ${min} to ${max}, got ${text === undefined ? 'nothing' : `"${text}"`}`);
  }
  return value;
}

/** Parses argv after `serve`; `env` supplies KUBELAB_SEED. */
export function parseServeArgs(argv: string[], env: Record<string, string | undefined>): ServeArgs {
  const args: ServeArgs = { seed: undefined, apply: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--seed') args.seed = whole(value(), '--seed', 0, 0xffffffff);
    else if (flag === '--apply') {
      const file = value();
      if (!file) throw new HarnessError('INVALID_INPUT', '--apply needs a manifest file, e.g. --apply howe.yml');
      args.apply.push(file);
    } else if (flag === '--metallb-pool') {
      const pool = value();
      if (!pool) throw new HarnessError('INVALID_INPUT', '--metallb-pool needs an address range, e.g. 172.25.250.50-172.25.250.59');
      args.metallbPool = pool;
    } else if (flag === '--ingress-nginx') {
      // The type is optional: take the next word only when it is not another flag.
      const next = inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i] : undefined);
      if (next !== undefined && next !== 'NodePort' && next !== 'LoadBalancer') {
        throw new HarnessError('INVALID_INPUT', `--ingress-nginx takes NodePort or LoadBalancer, got "${next}"`);
      }
      args.ingressNginx = (next ?? 'NodePort') as 'NodePort' | 'LoadBalancer';
    } else if (flag === '--port-base') args.portBase = whole(value(), '--port-base', 1, 65535);
    else if (flag === '--dns-port') args.dnsPort = whole(value(), '--dns-port', 1, 65535);
    else if (flag === '--help' || flag === '-h') return { ...args, help: true };
    else throw new HarnessError('INVALID_INPUT', `unknown option "${flag}" for kubelab serve\n${SERVE_USAGE}`);
  }
  if (args.seed === undefined && env['KUBELAB_SEED'] !== undefined) args.seed = whole(env['KUBELAB_SEED'], 'KUBELAB_SEED', 0, 0xffffffff);
  return args;
}

/** What `runServe` needs from the process (main.ts passes the real ones). */
export interface ServeIo {
  cwd: string;
  env: Record<string, string | undefined>;
  print: (line: string) => void;
  randomSeed: () => number;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM). */
  stopRequested: () => Promise<string>;
}

/** Runs `kubelab serve` until stopped; resolves to the exit code. */
export async function runServe(argv: string[], io: ServeIo): Promise<number> {
  const args = parseServeArgs(argv, io.env);
  if (args.help) {
    io.print(SERVE_USAGE.trimEnd());
    return 0;
  }
  const seed = args.seed ?? io.randomSeed();
  const { help: _help, ...rest } = args;
  const session = await startServe({ ...rest, seed, cwd: io.cwd, print: (text) => { if (text) io.print(text); } });
  io.print(`kubelab serve: seed ${seed} (replay with --seed ${seed}); loopback only`);
  io.print(session.table().trimEnd());
  for (const note of session.notes) io.print(`note: ${note}`);
  io.print('serving; Ctrl-C to stop');
  const signal = await io.stopRequested();
  await session.close();
  io.print(`kubelab serve: stopped (${signal})`);
  return 0;
}

/** The process side: SIGINT/SIGTERM end the wait. Only src/cli touches process. */
export function processStopRequested(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
