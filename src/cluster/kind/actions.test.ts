import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runActions, type Action } from './actions.ts';
import { HarnessError } from '../../errors.ts';
import { fakeTimer } from './testing/fake-timer.ts';
import { createFakeTools } from './testing/fake-tools.ts';
import { mustRun } from './exec.ts';

type Log = string[];
const ok = (name: string): Action<Log> => ({ name, timeoutMs: 60_000, run: async (log) => { log.push(name); } });
const hang = (name: string): Action<Log> => ({ name, timeoutMs: 60_000, run: (log) => { log.push(name); return new Promise<void>(() => undefined); } });

const CASES: { name: string; actions: Action<Log>[]; retain?: boolean; trigger: 'none' | 'timeout' | 'abort'; error?: RegExp; ran: string[]; cleaned: boolean }[] = [
  { name: 'all actions run in order', actions: [ok('a'), ok('b'), ok('c')], trigger: 'none', ran: ['a', 'b', 'c'], cleaned: false },
  { name: 'a failing action stops the list and cleans up', actions: [ok('a'), { name: 'b', timeoutMs: 1_000, run: async () => { throw new Error('boom'); } }, ok('c')],
    trigger: 'none', error: /action "b" failed: boom/, ran: ['a'], cleaned: true },
  { name: 'an action past its timeout is reported by name and cleaned up', actions: [ok('a'), hang('b'), ok('c')], trigger: 'timeout',
    error: /action "b" timed out: timed out after 1m/, ran: ['a', 'b'], cleaned: true },
  { name: 'interruption (abort signal) stops the action and cleans up', actions: [ok('a'), hang('b'), ok('c')], trigger: 'abort',
    error: /action "b" interrupted/, ran: ['a', 'b'], cleaned: true },
  { name: 'retain skips the cleanup', actions: [hang('a')], trigger: 'timeout', retain: true, error: /kept for inspection/, ran: ['a'], cleaned: false },
];

for (const c of CASES) {
  test(c.name, async () => {
    const timer = fakeTimer();
    const abort = new AbortController();
    const log: Log = [];
    let cleaned = false;
    const running = runActions(c.actions, log, { timer, signal: abort.signal, retain: c.retain ?? false, cleanup: async () => { cleaned = true; } })
      .then(() => undefined, (e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    if (c.trigger === 'timeout') timer.fire();
    if (c.trigger === 'abort') abort.abort();
    const outcome = await running;
    if (c.error) {
      assert.ok(outcome instanceof HarnessError, String(outcome));
      assert.match(outcome.message, c.error);
    } else assert.equal(outcome, undefined);
    assert.deepEqual(log, c.ran);
    assert.equal(cleaned, c.cleaned);
  });
}

test('a hung tool call times out with what it waited for; Ctrl-C (abort) kills it', async () => {
  const fakes = await createFakeTools([{ match: 'kind create*', sleepMs: 20_000 }]);
  try {
    const started = Date.now();
    await assert.rejects(mustRun(fakes.exec(), { file: 'kind', args: ['create', 'cluster'], what: 'create the kind cluster', timeoutMs: 100 }),
      /timed out after 0\.1s waiting to create the kind cluster \(`kind create cluster`\)/);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    await assert.rejects(mustRun(fakes.exec({ signal: abort.signal }), { file: 'kind', args: ['create', 'cluster'], what: 'create the kind cluster', timeoutMs: 60_000 }),
      /interrupted while trying to create the kind cluster/);
    // Under execa's 5 s forceKillAfterDelay: a fake that outlived SIGTERM would only die from the later SIGKILL.
    assert.ok(Date.now() - started < 4_000, 'neither call waited for the 20 s fake; SIGTERM stopped both');
  } finally {
    await fakes.cleanup();
  }
});
