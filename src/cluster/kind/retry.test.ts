import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './retry.ts';
import { configureMetallbPool } from './addons.ts';
import { Kubectl } from './kubectl.ts';
import { fakeTimer } from './testing/fake-timer.ts';
import { createFakeTools } from './testing/fake-tools.ts';

const WEBHOOK = 'Error from server (InternalError): error when creating "STDIN": Internal error occurred: failed calling webhook "ipaddresspoolvalidationwebhook.metallb.io": ' +
  'Post "https://metallb-webhook-service.metallb-system.svc:443/validate-metallb-io-v1beta1-ipaddresspool?timeout=10s": dial tcp 10.96.8.1:443: connect: connection refused\n';

const CASES = [
  { name: 'the webhook refuses 3 times, the 4th apply succeeds', failTimes: 3, stderr: WEBHOOK, ok: true, applies: 4 },
  { name: 'a webhook that never comes up: bounded, says how often it tried', failTimes: 1000, stderr: WEBHOOK, ok: false, applies: 30,
    error: /gave up trying to apply the MetalLB address pool .* after 30 attempts 2s apart; last error: .*failed calling webhook/s },
  { name: 'an error that is not the webhook starting is not retried', failTimes: 1000, stderr: 'error: error validating "STDIN": unknown field "adresses"\n', ok: false, applies: 1,
    error: /unknown field "adresses"/ },
];

test('MetalLB pool apply retries while the webhook comes up', { concurrency: true }, async (t) => {
  await Promise.all(CASES.map((c) => t.test(c.name, async () => {
    const fakes = await createFakeTools([{ match: 'kubectl apply*', failTimes: c.failTimes, failStderr: c.stderr }]);
    try {
      const kubectl = new Kubectl(fakes.exec(), '/tmp/kubeconfig');
      const done = configureMetallbPool({ kubectl, timer: fakeTimer() }, { first: '172.18.255.205', last: '172.18.255.254' });
      if (c.ok) await done;
      else await assert.rejects(done, c.error!);
      assert.equal((await fakes.calls()).filter((l) => l.startsWith('kubectl apply')).length, c.applies);
      assert.match(await fakes.stdin(), /kind: IPAddressPool\nmetadata:\n  name: first-pool\n  namespace: metallb-system\nspec:\n  addresses:\n  - 172\.18\.255\.205-172\.18\.255\.254/);
    } finally {
      await fakes.cleanup();
    }
  })));
});

// Polls at 0, 2, 4, 6, 8 and 10 s: the sixth is the last one inside the 10 s budget.
test('waitFor names what it waited for and the last thing it saw', async () => {
  let polls = 0;
  await assert.rejects(
    waitFor(fakeTimer(), 'metallb pods in metallb-system to be Ready', { timeoutMs: 10_000, intervalMs: 2_000 }, async () => ({ done: false as const, reason: `speaker-x ContainerCreating (poll ${++polls})` })),
    /timed out after 10s waiting for metallb pods in metallb-system to be Ready; last seen: speaker-x ContainerCreating \(poll 6\)/);
});
