/**
 * The World: one per scenario. It holds the scenario's cluster (created on first use, configured by
 * the Given steps), its work folder, and the results of the last When step, and it records failures
 * that `try` steps allowed so that the After hook can insist each one was checked.
 */
import { World, type IWorldOptions } from '@cucumber/cucumber';
import {
  createCluster, HarnessError, parseBackend,
  type Backend, type Cluster, type ClusterSetup, type CommandResult, type HttpExchange, type Where,
} from '../src/index.ts';
import { expandPlaceholders } from './support/placeholders.ts';
import { formatTranscript } from './support/transcript.ts';

/** worldParameters kubelab reads (cucumber.mjs profiles, --world-parameters, the lab CLI). */
export interface LabParameters {
  backend?: string;
  /** The run seed; hooks.ts fills it from KUBELAB_SEED or a random one when absent. */
  seed?: number;
}

/** Options of `runCommand`. */
export interface RunOptions {
  /** A failure is recorded (to be checked by a `fails with` step) instead of failing the step. */
  mayFail?: boolean;
  /** Attach the transcript to the step (default true; repeated runs attach one loop transcript instead). */
  attach?: boolean;
}

/** What a step did last: applying manifests or running commands (for the `fails with` steps). */
export type LastAction = 'apply' | 'run';

/** The kubelab World (see the contracts, section H). */
export class LabWorld extends World<LabParameters> {
  readonly backend: Backend;
  /** The scenario's seed (derived from the run seed by the Before hook). */
  seed = 0;
  /** The run seed the scenario seed came from. */
  runSeed = 0;
  /** Folder of the feature file: manifest paths in steps are relative to it. */
  featureDir = '';
  /** The scenario's work folder (reports/work/<feature>-<line>/), the shell's current directory. */
  workdir = '';
  /** Results of the last step that ran commands. */
  last: CommandResult[] = [];
  /** What that step was. */
  lastAction: LastAction | undefined;
  /** How many doc-string manifests the scenario wrote (manifest.yaml, manifest-2.yaml…). */
  docStrings = 0;
  #cluster: Cluster | undefined;
  #pending: ClusterSetup = {};
  #step = 0;
  #lastStep = -1;
  #unchecked: CommandResult[] = [];

  constructor(options: IWorldOptions<LabParameters>) {
    super(options);
    this.backend = parseBackend(options.parameters.backend ?? 'simulator');
  }

  /** Adds lab settings (Given steps); they are applied before the next command. */
  setup(part: ClusterSetup): void {
    const p = this.#pending;
    this.#pending = {
      ...p,
      ...part,
      ...(part.apiServerFlags || p.apiServerFlags ? { apiServerFlags: [...(p.apiServerFlags ?? []), ...(part.apiServerFlags ?? [])] } : {}),
      ...(part.hostsEntries || p.hostsEntries ? { hostsEntries: [...(p.hostsEntries ?? []), ...(part.hostsEntries ?? [])] } : {}),
    };
  }

  /** The scenario's cluster, created on first use, with every pending setting applied. */
  async cluster(): Promise<Cluster> {
    this.#cluster ??= await this.newCluster();
    if (Object.keys(this.#pending).length > 0) {
      const setup = this.#pending;
      this.#pending = {};
      await this.#cluster.configure(setup);
    }
    return this.#cluster;
  }

  /** Starts the scenario's cluster on the run's backend (tests override it with a fake). */
  protected async newCluster(): Promise<Cluster> {
    return createCluster({ backend: this.backend, seed: this.seed });
  }

  /** Whether a cluster was created (the After hook disposes it). */
  get hasCluster(): boolean {
    return this.#cluster !== undefined;
  }

  /** Replaces `{service … cluster IP}`-style placeholders (see steps/support/placeholders.ts). */
  async expand(text: string, escape?: (value: string) => string): Promise<string> {
    return expandPlaceholders(text, await this.cluster(), escape);
  }

  /** Called by the BeforeStep hook: the next command starts a new `last`. */
  beginStep(): void {
    this.#step++;
  }

  /** Runs one command line where asked, attaches its transcript, and fails the step if it fails (unless mayFail). */
  async runCommand(line: string, where: Where, opts: RunOptions = {}, action: LastAction = 'run'): Promise<CommandResult> {
    if (this.#lastStep !== this.#step) {
      this.last = [];
      this.#lastStep = this.#step;
    }
    this.lastAction = action;
    const cluster = await this.cluster();
    const result = await cluster.run(await this.expand(line), where, this.workdir);
    this.last.push(result);
    if (opts.attach !== false) this.attach(formatTranscript(result), 'text/plain');
    if (result.exitCode !== 0) {
      if (!opts.mayFail) throw commandFailed(result);
      this.#unchecked.push(result);
    }
    return result;
  }

  /** Every HTTP exchange the last step's commands made, in order. */
  lastHttp(): HttpExchange[] {
    return this.last.flatMap((r) => r.http);
  }

  /** The last step's results, which must all have failed; marks their failures as checked. */
  checkFailures(expected: string, action: LastAction): CommandResult[] {
    if (this.last.length === 0 || this.lastAction !== action) {
      const step = action === 'apply' ? 'When I try to apply …' : 'When I try to run …';
      throw new HarnessError('INVALID_INPUT', `no ${action === 'apply' ? 'apply' : 'command'} ran in the step before; put a "${step}" step first`);
    }
    for (const result of this.last) {
      const output = result.stdout + result.stderr;
      if (result.exitCode === 0) {
        throw new HarnessError('COMMAND_FAILED', `expected \`${result.command}\` to fail with "${expected}", but it succeeded:\n${formatTranscript(result)}`);
      }
      this.#unchecked = this.#unchecked.filter((r) => r !== result);
      if (!output.includes(expected)) {
        throw new HarnessError('COMMAND_FAILED', `\`${result.command}\` failed, but not with "${expected}":\n${formatTranscript(result)}`);
      }
    }
    return this.last;
  }

  /** Failures that `try` steps recorded and no `fails with` step checked. */
  uncheckedFailures(): readonly CommandResult[] {
    return this.#unchecked;
  }

  /** Tears down the cluster (After hook). */
  async dispose(): Promise<void> {
    const cluster = this.#cluster;
    this.#cluster = undefined;
    if (cluster) await cluster[Symbol.asyncDispose]();
  }
}

function commandFailed(result: CommandResult): HarnessError {
  return new HarnessError('COMMAND_FAILED',
    `\`${result.command}\` failed with exit code ${result.exitCode}:\n${formatTranscript(result)}` +
    'If this failure is what the scenario expects, write "When I try to …" and check it with a "Then … fails with …" step.',
    { details: { command: result.command, exitCode: result.exitCode, stderr: result.stderr } });
}
