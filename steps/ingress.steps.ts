/** Steps about ingress-nginx: installing it, what the backend behind it received, Ingress status, canary counts. */
import { Given, Then, When } from '@cucumber/cucumber';
import { HarnessError, type HttpExchange, type KubeObject } from '../src/index.ts';
import type { LabWorld } from './world.ts';

Given('ingress-nginx is installed', function (this: LabWorld) {
  this.setup({ ingressNginx: { serviceType: 'NodePort' } });
});

Given('ingress-nginx is installed with a LoadBalancer service', function (this: LabWorld) {
  this.setup({ ingressNginx: { serviceType: 'LoadBalancer' } });
});

// The request the application behind the ingress got (after rewrites), from the last step's single exchange.
function backendRequest(world: LabWorld): NonNullable<HttpExchange['backendRequest']> {
  const exchanges = world.lastHttp();
  if (exchanges.length === 0) throw new HarnessError('INVALID_INPUT', 'no HTTP request was made by the last step: put a "When I run "curl …"" step first');
  const last = exchanges[exchanges.length - 1]!;
  if (!last.backendRequest) {
    const why = last.response ? `the answer was ${last.response.status} ${last.response.reason} from the controller itself` : (last.failure?.message ?? 'no response');
    throw new Error(`no backend received \`${last.request.method} ${last.request.path}\`: ${why}`);
  }
  return last.backendRequest;
}

Then('the backend received the path {string}', async function (this: LabWorld, path: string) {
  const wanted = await this.expand(path);
  const got = backendRequest(this).path;
  if (got !== wanted) throw new Error(`the backend received the path "${got}", not "${wanted}"`);
});

Then('the backend received the header {string} with {string}', async function (this: LabWorld, name: string, value: string) {
  const wanted = await this.expand(value);
  const headers = backendRequest(this).headers;
  const got = headers[name.toLowerCase()];
  if (got !== wanted) {
    const all = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');
    throw new Error(`the backend received ${got === undefined ? `no ${name} header` : `${name}: ${got}`}, not "${wanted}"; it received:\n${all}`);
  }
});

Then('the backend did not receive the header {string}', function (this: LabWorld, name: string) {
  const got = backendRequest(this).headers[name.toLowerCase()];
  if (got !== undefined) throw new Error(`the backend received ${name}: ${got}`);
});

Then('ingress {string} has the address {string}', async function (this: LabWorld, ref: string, address: string) {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) as [string, string] : ['default', ref];
  const ing = (await (await this.cluster()).get('Ingress', name, ns)) as (KubeObject & { status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } }) | undefined;
  if (!ing) throw new Error(`ingress "${name}" not found in namespace ${ns}`);
  const addresses = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? i.hostname ?? '');
  const wanted = await this.expand(address);
  if (addresses.join(',') !== wanted) throw new Error(`ingress "${name}" has the address "${addresses.join(',')}", not "${wanted}"`);
});

// The tutorial's check_ingress.sh: `curl -s HOST | grep -c v1` per run; v1 += hits, v2 += 1 - hits; then `echo "v1:$v1, v2:$v2"`.
When('I count {string} and {string} over {int} runs of {string}', { timeout: 300_000 }, async function (this: LabWorld, first: string, second: string, runs: number, line: string) {
  if (runs < 1) throw new HarnessError('INVALID_INPUT', `the number of runs must be at least 1, got ${runs}`);
  let a = 0;
  for (let i = 0; i < runs; i++) {
    const result = await this.runCommand(line, { kind: 'host' }, { attach: false });
    if (result.stdout.includes(first)) a++;
  }
  this.attach(`[root@k8s-node1 ~]# sh check_ingress.sh   # ${runs} × ${line}\n${first}:${a}, ${second}:${runs - a}\n`, 'text/plain');
});
