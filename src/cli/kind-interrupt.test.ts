import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindInterruptHandler, type InterruptSignal } from './kind-interrupt.ts';

/** Records what the handler did, in order; `stop` settles only when the case says so. */
function recorder() {
  const events: string[] = [];
  let settle!: { resolve: (m: string) => void; reject: (e: Error) => void };
  const stopped = new Promise<string>((resolve, reject) => { settle = { resolve, reject }; });
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => { exit = resolve; });
  const handler = kindInterruptHandler({
    abort: () => events.push('abort'),
    stop: () => { events.push('stop'); return stopped; },
    write: (text) => events.push(`write ${text.trim()}`),
    exit: (code) => { events.push(`exit ${code}`); exit(code); },
  });
  return { events, settle, exited, handler };
}

const CASES: { name: string; signals: InterruptSignal[]; outcome: 'stopped' | 'failed' | 'pending'; code: number; events: string[] }[] = [
  { name: 'Ctrl-C: abort, tear down, report, exit 130', signals: ['SIGINT'], outcome: 'stopped', code: 130,
    events: ['write kubelab: SIGINT: tearing the kind cluster down (press Ctrl-C again to leave it)', 'abort', 'stop', 'write kubelab: deleted the kind cluster kubelab-42', 'exit 130'] },
  { name: 'SIGTERM exits 143 after the teardown', signals: ['SIGTERM'], outcome: 'stopped', code: 143,
    events: ['write kubelab: SIGTERM: tearing the kind cluster down (press Ctrl-C again to leave it)', 'abort', 'stop', 'write kubelab: deleted the kind cluster kubelab-42', 'exit 143'] },
  { name: 'a failed teardown is reported, and the process still exits', signals: ['SIGTERM'], outcome: 'failed', code: 143,
    events: ['write kubelab: SIGTERM: tearing the kind cluster down (press Ctrl-C again to leave it)', 'abort', 'stop', 'write kubelab: Error: kind delete failed', 'exit 143'] },
  { name: 'a second signal during the teardown exits at once (the cluster is left)', signals: ['SIGINT', 'SIGINT'], outcome: 'pending', code: 130,
    events: ['write kubelab: SIGINT: tearing the kind cluster down (press Ctrl-C again to leave it)', 'abort', 'stop', 'exit 130'] },
];

for (const c of CASES) {
  test(`kind interrupt: ${c.name}`, async () => {
    const r = recorder();
    for (const signal of c.signals) r.handler(signal);
    if (c.outcome === 'stopped') r.settle.resolve('deleted the kind cluster kubelab-42');
    if (c.outcome === 'failed') r.settle.reject(new Error('kind delete failed'));
    assert.equal(await r.exited, c.code);
    assert.deepEqual(r.events, c.events);
  });
}
