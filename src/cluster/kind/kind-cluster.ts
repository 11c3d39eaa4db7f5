/**
 * The kind backend's Cluster: one scenario's view of the run's cluster. It speaks the lab's language
 * (node names and addresses of the tutorial, mapped by position — see address-map.ts), routes each command
 * to where it really runs (command-routing.ts), and on disposal puts the cluster back to the plain lab.
 */
import type { Cluster, ClusterInfo, ClusterSetup, CommandResult, Where } from '../cluster.ts';
import type { KubeObject } from '../../model/meta.ts';
import { HarnessError } from '../../errors.ts';
import { AddressMap, LAB_CLIENT_HOST, LAB_NODES } from './address-map.ts';
import { programsOf, routeCommand } from './command-routing.ts';
import { missingToolMessage } from './preflight.ts';
import { Kubectl } from './kubectl.ts';
import { parseRange } from './network.ts';
import type { Exec } from './exec.ts';
import type { Timer } from './retry.ts';
import type { KindRunState } from './run-state.ts';
import type { ClientHost, ClientHostFactory } from './client-host.ts';
import { clientPodReady, restoreLab, type ScenarioBaseline } from './scenario-cleanup.ts';
import { configureMetallbPool, setIngressServiceType } from './addons.ts';
import { readKubeProxySettings, setApiServerFlags, setKubeProxySettings } from './lab-settings.ts';
import { recordingRun } from './command-records.ts';
import { preinstalledResult, skippedNodeTool } from './node-tool-commands.ts';

/** What a scenario's KindCluster is built from. */
export interface KindClusterDeps {
  state: KindRunState;
  exec: Exec;
  timer: Timer;
  clientHosts: ClientHostFactory;
  clientHostImage: string;
  clientPodImage: string;
  pid: number;
  /** Per-command time limit (a hung curl must not hang the run). */
  commandTimeoutMs?: number;
}

/** A scenario on the run's kind cluster. */
export class KindCluster implements Cluster {
  readonly #d: KindClusterDeps;
  readonly #kubectl: Kubectl;
  #map: AddressMap;
  #hosts: { name: string; ip: string }[] = [];
  #client: ClientHost | undefined;
  #clientWorkdir = '';
  /** Numbers each command's header-dump files, so two commands never read each other's. */
  #runs = 0;
  readonly #baseline: ScenarioBaseline;

  private constructor(deps: KindClusterDeps, baseline: ScenarioBaseline) {
    this.#d = deps;
    this.#kubectl = new Kubectl(deps.exec, deps.state.kubeconfig);
    this.#map = AddressMap.build({ labNodes: [...LAB_NODES], realNodes: deps.state.nodes, realPool: deps.state.pool });
    this.#baseline = baseline;
  }

  /** Opens a scenario: notes the namespaces that exist, so disposal removes only what the scenario made. */
  static async open(deps: KindClusterDeps): Promise<KindCluster> {
    const kubectl = new Kubectl(deps.exec, deps.state.kubeconfig);
    const namespaces = (await kubectl.list('namespaces')).map((n) => n.metadata.name);
    return new KindCluster(deps, { namespaces });
  }

  get info(): ClusterInfo {
    return {
      backend: 'kind',
      name: this.#d.state.clusterName,
      versions: { ...this.#d.state.versions },
      // The lab's names and addresses: placeholders expand to them, and commands are mapped to the real ones.
      nodes: LAB_NODES.slice(0, this.#d.state.nodes.length).map((n) => ({ ...n })),
    };
  }

  /** The lab ↔ real mapping in force (for reports and tests). */
  get addressMap(): AddressMap {
    return this.#map;
  }

  async configure(setup: ClusterSetup): Promise<void> {
    const deps = { exec: this.#d.exec, kubectl: this.#kubectl, timer: this.#d.timer };
    if (setup.kubeProxyMode || setup.metallbPool) {
      const current = await readKubeProxySettings(this.#kubectl);
      const mode = setup.kubeProxyMode ?? current.mode;
      // The tutorial turns strictARP on before MetalLB when kube-proxy runs in ipvs mode (4.5).
      const strictARP = current.strictARP || (mode === 'ipvs' && setup.metallbPool !== undefined);
      await setKubeProxySettings(this.#kubectl, { mode, strictARP });
    }
    if (setup.apiServerFlags?.length) await setApiServerFlags(deps, this.#controlPlane(), setup.apiServerFlags);
    if (setup.metallbPool) {
      const lab = parseRange(setup.metallbPool);
      const real = { first: this.#realAddress(lab.first, 'the MetalLB pool'), last: this.#realAddress(lab.last, 'the MetalLB pool') };
      await configureMetallbPool(deps, real);
    }
    if (setup.ingressNginx) await setIngressServiceType(this.#kubectl, setup.ingressNginx.serviceType);
    if (setup.hostsEntries?.length) {
      this.#hosts.push(...setup.hostsEntries.map((h) => ({ name: h.name, ip: this.#map.toReal(h.ip) })));
      await this.#stopClient(); // started again with the new /etc/hosts on next use
    }
  }

  async run(command: string, where: Where, workdir: string): Promise<CommandResult> {
    const real = this.#map.toReal(command);
    const warnings = this.#map.unmapped(command).map((ip) => `${ip} is a lab address with no counterpart on the kind cluster; the command used it unchanged`);
    const route = routeCommand(real, where);
    if (route.kind === 'preinstalled') return preinstalledResult(command, where, route.packages, this.#d.state.nodeTools === 'skipped', warnings);
    if (route.kind === 'node' && this.#d.state.nodeTools === 'skipped') skippedNodeTool(real, route.node);
    if (route.kind === 'node' && route.warning) warnings.push(route.warning);
    const missingTool = route.kind === 'local' ? programsOf(real).find((p) => this.#d.state.missingTools?.includes(p)) : undefined;
    if (missingTool) throw new HarnessError('UNSUPPORTED', missingToolMessage(missingTool, command));
    const recording = recordingRun(command, real, `${this.#d.pid}-${++this.#runs}`, (host) => {
      const entry = this.#hosts.find((h) => h.name === host);
      return entry && this.#map.toLab(entry.ip);
    });
    const line = recording.line;
    const timeoutMs = this.#d.commandTimeoutMs ?? 120_000;
    let out: { exitCode: number; stdout: string; stderr: string };
    switch (route.kind) {
      case 'local':
        // bash, the tutorial's shell: its `echo -e 'redhat\nredhat' | htpasswd …` needs bash's echo (dash prints the -e).
        out = await this.#d.exec({ file: 'bash', args: ['-c', line], what: `run \`${command}\``, timeoutMs, cwd: workdir, env: { KUBECONFIG: this.#d.state.kubeconfig } });
        break;
      case 'node':
        out = await this.#d.exec({ file: 'docker', args: ['exec', '-e', 'KUBECONFIG=/etc/kubernetes/admin.conf', this.#realNode(route.node), 'sh', '-c', line], what: `run \`${command}\` on ${route.node}`, timeoutMs });
        break;
      case 'pod':
        if (route.pod === 'test' && route.namespace === 'default') await clientPodReady(this.#kubectl, this.#d.timer, this.#d.clientPodImage);
        out = await this.#kubectl.run(['exec', '-n', route.namespace, route.pod, '--', 'sh', '-c', line], `run \`${command}\` in pod ${route.namespace}/${route.pod}`, { timeoutMs });
        break;
      case 'client-host':
        out = await (await this.#clientHost(workdir)).exec(line);
        break;
    }
    const seen = recording.finish(out, (text) => this.#map.toLab(text));
    return { command, where, exitCode: out.exitCode, stdout: seen.stdout, stderr: seen.stderr, http: seen.http, dns: seen.dns, warnings };
  }

  async get(kind: string, name: string, namespace?: string): Promise<KubeObject | undefined> {
    const found = await this.#kubectl.get(kind, this.#map.toReal(name), namespace);
    return found && this.#map.objectToLab(found);
  }

  async list(kind: string, namespace?: string): Promise<KubeObject[]> {
    return this.#map.objectToLab(await this.#kubectl.list(kind, namespace));
  }

  async reset(): Promise<void> {
    await this.#restore();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.#restore();
  }

  async #restore(): Promise<void> {
    await this.#stopClient();
    this.#hosts = [];
    await restoreLab({ exec: this.#d.exec, kubectl: this.#kubectl, timer: this.#d.timer }, this.#controlPlane(), this.#baseline);
  }

  async #clientHost(workdir: string): Promise<ClientHost> {
    if (this.#client && this.#clientWorkdir === workdir) return this.#client;
    await this.#stopClient();
    this.#client = await this.#d.clientHosts({ image: this.#d.clientHostImage, network: this.#d.state.network, extraHosts: this.#hosts, workdir, ownerPid: this.#d.pid });
    this.#clientWorkdir = workdir;
    this.#map = this.#map.with({ lab: LAB_CLIENT_HOST, real: this.#client.ip });
    return this.#client;
  }

  async #stopClient(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client) await client.stop();
  }

  #controlPlane(): string {
    const node = this.#d.state.nodes.find((n) => n.role === 'control-plane');
    if (!node) throw new HarnessError('NOT_FOUND', `the kind cluster ${this.#d.state.clusterName} has no control-plane node in ${JSON.stringify(this.#d.state.nodes)}`);
    return node.name;
  }

  #realNode(labName: string): string {
    const pair = this.#map.names.find((p) => p.lab === labName || p.real === labName);
    if (!pair) throw new HarnessError('INVALID_INPUT', `unknown node "${labName}": the lab's nodes are ${this.#map.names.map((p) => p.lab).join(', ')}`);
    return pair.real;
  }

  #realAddress(lab: string, what: string): string {
    const real = this.#map.toReal(lab);
    if (real === lab && lab.startsWith('172.25.250.')) {
      throw new HarnessError('UNSUPPORTED', `${lab} in ${what} has no counterpart on the kind cluster: lab pool addresses map by position onto ${this.#d.state.pool.first}-${this.#d.state.pool.last} (172.25.250.50-172.25.250.99 only)`);
    }
    return real;
  }
}
