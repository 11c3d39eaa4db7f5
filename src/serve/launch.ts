/** The entry of `kubelab serve` for the CLI (through src/index.ts); loads the simulator only when called. */

/** Options of `kubelab serve`. */
export interface ServeSessionOptions {
  seed: number;
  /** Manifests applied with the simulated kubectl, in order (relative to `cwd`). */
  apply: string[];
  cwd: string;
  metallbPool?: string;
  ingressNginx?: 'NodePort' | 'LoadBalancer';
  /** Map every endpoint to 127.0.0.1:<portBase+k> instead of its loopback twin. */
  portBase?: number;
  /** Port of the cluster DNS server on 127.96.0.10 (default 53). */
  dnsPort?: number;
  /** Receives kubectl's output for each --apply. */
  print?: (text: string) => void;
}

/** A running `kubelab serve`. */
export interface ServeSession {
  seed: number;
  /** The mapping table (simulated address → loopback address). */
  table(): string;
  /** What serve mode could not do (bind failures, TLS listeners without a key). */
  notes: string[];
  close(): Promise<void>;
}

/** Starts serving a simulated lab on loopback. */
export async function startServe(opts: ServeSessionOptions): Promise<ServeSession> {
  const { startServeSession } = await import('./serve-session.ts');
  return startServeSession(opts);
}
