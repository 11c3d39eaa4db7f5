/** Then steps about HTTP responses of the last step's commands (curl), one or many. */
import { Then } from '@cucumber/cucumber';
import { acceptsCount, describeCheck, HarnessError } from '../src/index.ts';
import type { LabWorld } from './world.ts';
import { owningWorkload, servingPod, singleResponse, takesTurns } from './support/responses.ts';
import { parseObjectRef } from './support/object-ref.ts';

// What "a response" shows is what curl printed: backend-neutral, and the same text a learner reads.
async function containing(world: LabWorld, text: string): Promise<{ hits: number; total: number; wanted: string }> {
  if (world.last.length === 0) throw new HarnessError('INVALID_INPUT', 'no request has been sent yet: put a "When I run "curl …" N times" step first');
  const wanted = await world.expand(text);
  const hits = world.last.filter((r) => r.stdout.includes(wanted)).length;
  return { hits, total: world.last.length, wanted };
}

async function servers(world: LabWorld): Promise<string[]> {
  const cluster = await world.cluster();
  const out: string[] = [];
  for (const result of world.last) out.push(await servingPod(cluster, result));
  return out;
}

Then('the response status is {int}', function (this: LabWorld, status: number) {
  const { result, exchange } = singleResponse(this.last);
  if (!exchange.response) throw new Error(`\`${result.command}\` got no response: ${exchange.failure?.message ?? 'unknown failure'}`);
  if (exchange.response.status !== status) {
    throw new Error(`expected status ${status}, got ${exchange.response.status} ${exchange.response.reason} from \`${result.command}\``);
  }
});

Then('the response header {string} is {string}', async function (this: LabWorld, header: string, value: string) {
  const { result, exchange } = singleResponse(this.last);
  if (!exchange.response) throw new Error(`\`${result.command}\` got no response: ${exchange.failure?.message ?? 'unknown failure'}`);
  const actual = exchange.response.headers[header.toLowerCase()];
  const wanted = await this.expand(value);
  if (actual !== wanted) {
    const all = Object.entries(exchange.response.headers).map(([k, v]) => `${k}: ${v}`).join('\n');
    throw new Error(`expected header ${header}: ${wanted}, but ${actual === undefined ? 'it is absent' : `it is "${actual}"`}; the headers were:\n${all}`);
  }
});

Then('all responses contain {string}', async function (this: LabWorld, text: string) {
  const { hits, total, wanted } = await containing(this, text);
  if (hits !== total) {
    const missing = this.last.find((r) => !r.stdout.includes(wanted))!;
    throw new Error(`${total - hits} of ${total} responses do not contain "${wanted}", e.g. \`${missing.command}\` printed:\n${missing.stdout || missing.stderr}`);
  }
});

Then('none of the responses contain {string}', async function (this: LabWorld, text: string) {
  const { hits, total, wanted } = await containing(this, text);
  if (hits !== 0) throw new Error(`${hits} of ${total} responses contain "${wanted}"`);
});

Then('{int} of the responses contain {string}', async function (this: LabWorld, expected: number, text: string) {
  const { hits, total, wanted } = await containing(this, text);
  if (hits !== expected) throw new Error(`expected ${expected} of ${total} responses to contain "${wanted}", but ${hits} did`);
});

Then('about {int}% of the responses contain {string}', async function (this: LabWorld, percent: number, text: string) {
  if (percent < 0 || percent > 100) throw new HarnessError('INVALID_INPUT', `a share must be between 0% and 100%, not ${percent}%`);
  const { hits, total, wanted } = await containing(this, text);
  const check = acceptsCount(hits, total, percent / 100);
  const line = describeCheck(`responses contain "${wanted}"`, hits, check.interval);
  this.attach(line, 'text/plain');
  if (!check.ok) throw new Error(line);
});

Then('the responses come from {int} different pods', async function (this: LabWorld, n: number) {
  const seen = await servers(this);
  const distinct = new Set(seen);
  if (distinct.size !== n) throw new Error(`the ${seen.length} responses came from ${distinct.size} different pods, not ${n}: ${seen.join(', ')}`);
});

Then('the responses take turns between {int} pods', async function (this: LabWorld, n: number) {
  const seen = await servers(this);
  const verdict = takesTurns(seen, n);
  if (!verdict.ok) throw new Error(`${verdict.message}; the responses came from: ${seen.join(', ')}`);
});

Then('the response comes from a pod of deployment {string}', async function (this: LabWorld, deployment: string) {
  const { result } = singleResponse(this.last);
  const cluster = await this.cluster();
  const pod = await servingPod(cluster, result);
  const ref = parseObjectRef(deployment);
  const owner = await owningWorkload(cluster, pod);
  if (owner !== `Deployment:${ref.namespace}/${ref.name}`) {
    throw new Error(`the response came from pod ${pod}, which belongs to ${owner ?? 'no workload'}, not deployment ${ref.namespace}/${ref.name}`);
  }
});

Then('every response comes from a pod of deployment {string}', async function (this: LabWorld, deployment: string) {
  const cluster = await this.cluster();
  const ref = parseObjectRef(deployment);
  for (const pod of await servers(this)) {
    const owner = await owningWorkload(cluster, pod);
    if (owner !== `Deployment:${ref.namespace}/${ref.name}`) {
      throw new Error(`a response came from pod ${pod}, which belongs to ${owner ?? 'no workload'}, not deployment ${ref.namespace}/${ref.name}`);
    }
  }
});
