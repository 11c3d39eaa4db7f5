/**
 * Running the tutorial's commands: on the client host (no location), on a node (`on "k8s-master"`),
 * or in a client pod (`in a pod`, a busyboxplus pod like the tutorial's `kubectl run test`), once or N times.
 */
import { When } from '@cucumber/cucumber';
import { HarnessError, type Where } from '../src/index.ts';
import type { LabWorld } from './world.ts';
import { formatLoopTranscript } from './support/transcript.ts';
import { parseObjectRef } from './support/object-ref.ts';

const MAX_TIMES = 10_000;

async function onNode(world: LabWorld, node: string): Promise<Where> {
  const nodes = (await world.cluster()).info.nodes.map((n) => n.name);
  if (!nodes.includes(node)) throw new HarnessError('INVALID_INPUT', `there is no node "${node}"; the nodes are ${nodes.join(', ')}`);
  return { kind: 'node', node };
}

function inPod(name: string): Where {
  const ref = parseObjectRef(name);
  return { kind: 'pod', pod: ref.name, namespace: ref.namespace };
}

/** Runs `line` `times` times; one transcript per step (a `for` loop when repeated). */
async function run(world: LabWorld, line: string, where: Where | Promise<Where>, times: number, mayFail: boolean): Promise<void> {
  if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
    throw new HarnessError('INVALID_INPUT', `a command can run 1 to ${MAX_TIMES} times, not ${times}`);
  }
  const place = await where;
  try {
    for (let i = 0; i < times; i++) await world.runCommand(line, place, { mayFail, attach: times === 1 });
  } finally {
    // world.last holds this step's results, including a failing one that stopped the loop.
    if (times > 1) world.attach(formatLoopTranscript(world.last), 'text/plain');
  }
}

for (const [verb, mayFail] of [['run', false], ['try to run', true]] as const) {
  When(`I ${verb} {string}`, async function (this: LabWorld, line: string) {
    await run(this, line, { kind: 'host' }, 1, mayFail);
  });
  When(`I ${verb} {string} on {string}`, async function (this: LabWorld, line: string, node: string) {
    await run(this, line, onNode(this, node), 1, mayFail);
  });
  When(`I ${verb} {string} in a pod`, async function (this: LabWorld, line: string) {
    await run(this, line, { kind: 'pod' }, 1, mayFail);
  });
  When(`I ${verb} {string} in pod {string}`, async function (this: LabWorld, line: string, pod: string) {
    await run(this, line, inPod(pod), 1, mayFail);
  });
  When(`I ${verb} {string} {int} times`, async function (this: LabWorld, line: string, times: number) {
    await run(this, line, { kind: 'host' }, times, mayFail);
  });
  When(`I ${verb} {string} {int} times on {string}`, async function (this: LabWorld, line: string, times: number, node: string) {
    await run(this, line, onNode(this, node), times, mayFail);
  });
  When(`I ${verb} {string} {int} times in a pod`, async function (this: LabWorld, line: string, times: number) {
    await run(this, line, { kind: 'pod' }, times, mayFail);
  });
}
