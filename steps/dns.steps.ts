/** Then steps about the DNS exchanges of the last step (dig, nslookup, a client's name lookup). */
import { Then } from '@cucumber/cucumber';
import { HarnessError, type DnsExchange, type DnsRecord } from '../src/index.ts';
import type { LabWorld } from './world.ts';

/**
 * "The DNS answer": the only exchange, or, when a resolver made several (nslookup in a pod walks its
 * search list, then looks up the names of the addresses it found), the last forward lookup that
 * answered, else the last forward lookup. Reverse lookups count only when nothing else was asked.
 */
function dnsAnswer(world: LabWorld): DnsExchange {
  const exchanges = world.last.flatMap((r) => r.dns);
  if (exchanges.length === 0) {
    const commands = world.last.map((r) => `\`${r.command}\``).join(', ') || 'no command';
    throw new HarnessError('INVALID_INPUT', `the last step (${commands}) made no DNS query: use dig, nslookup or host`);
  }
  const forward = exchanges.filter((e) => !isReverse(e));
  const candidates = forward.length > 0 ? forward : exchanges;
  return candidates.findLast((e) => e.rcode === 'NOERROR' && e.answers.length > 0) ?? candidates.at(-1)!;
}

function isReverse(exchange: DnsExchange): boolean {
  return exchange.question.type === 'PTR' && /\.(in-addr|ip6)\.arpa\.?$/i.test(exchange.question.name);
}

function describe(exchange: DnsExchange): string {
  const records = exchange.answers.map((r: DnsRecord) => `${r.name} ${r.ttl} IN ${r.type} ${r.data}`);
  return `${exchange.question.name} ${exchange.question.type} @${exchange.server}: ${exchange.rcode}` +
    (records.length > 0 ? `\n${records.join('\n')}` : ', no answer records');
}

const bare = (name: string) => name.replace(/\.$/, '');

Then('the DNS answer has {int} {string} record(s)', function (this: LabWorld, count: number, type: string) {
  const exchange = dnsAnswer(this);
  const found = exchange.answers.filter((r) => r.type === type.toUpperCase()).length;
  if (found !== count) throw new Error(`expected ${count} "${type}" record(s), found ${found}:\n${describe(exchange)}`);
});

Then('the DNS status is {string}', function (this: LabWorld, rcode: string) {
  const exchange = dnsAnswer(this);
  if (exchange.rcode !== rcode.toUpperCase()) throw new Error(`expected status ${rcode}, got ${exchange.rcode}:\n${describe(exchange)}`);
});

Then('the DNS answer includes the {string} record {string}', async function (this: LabWorld, type: string, data: string) {
  const exchange = dnsAnswer(this);
  const wanted = bare(await this.expand(data));
  const found = exchange.answers.some((r) => r.type === type.toUpperCase() && bare(r.data) === wanted);
  if (!found) throw new Error(`expected a "${type}" record with ${wanted}:\n${describe(exchange)}`);
});
