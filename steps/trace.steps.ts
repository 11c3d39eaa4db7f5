/**
 * The trace of a request, for learners: every routing decision the cluster took on the way
 * (DNS, ARP, kube-proxy, ingress-nginx server/location/canary, the pod that answered).
 * On kind the exchanges carry no hops, so a trace there shows only requests and outcomes.
 */
import { Then, When } from '@cucumber/cucumber';
import { formatTraces, HarnessError, type Where } from '../src/index.ts';
import type { LabWorld } from './world.ts';

async function traced(world: LabWorld, line: string, where: Where): Promise<void> {
  const result = await world.runCommand(line, where);
  const text = formatTraces([result]);
  if (text === '') throw new HarnessError('INVALID_INPUT', `\`${line}\` made no HTTP or DNS request, so there is nothing to trace`);
  world.attach(text, 'text/plain');
}

When('I trace {string}', async function (this: LabWorld, line: string) {
  await traced(this, line, { kind: 'host' });
});
When('I trace {string} on {string}', async function (this: LabWorld, line: string, node: string) {
  await traced(this, line, { kind: 'node', node });
});
When('I trace {string} in a pod', async function (this: LabWorld, line: string) {
  await traced(this, line, { kind: 'pod' });
});

Then('the trace contains {string}', function (this: LabWorld, text: string) {
  const trace = formatTraces(this.last);
  if (!trace.includes(text)) {
    throw new HarnessError('COMMAND_FAILED', `the trace of the last step does not contain "${text}"; it is:\n${trace || '(no requests)'}`);
  }
});
