/** Command-line arguments of `kubelab`, parsed with clear errors (no process access here). */
import { HarnessError, parseBackend, type Backend } from '../index.ts';

/** `kubelab lab` options. */
export interface LabArgs {
  command: 'lab';
  backend: Backend;
  seed: number | undefined;
  /** Tutorial sections to run (`4.3`, or `4` for 4.1–4.6); empty = all. */
  sections: string[];
}

/** What the CLI was asked to do. */
export type CliArgs = LabArgs | { command: 'help' };

/** The usage text. */
export const USAGE = `usage: kubelab lab [--backend simulator|kind] [--seed N] [--section 4.3]...

  lab          run the tutorial's sections as scenarios, in tutorial order; one line per section,
               reports (HTML, JSON, JUnit) under reports/
  --backend    simulator (default: in-process, deterministic for a seed) or kind (a real cluster)
  --seed N     replay a run (default: KUBELAB_SEED, else a random seed, printed)
  --section S  run only section S and its subsections (repeatable), e.g. --section 4.3 or --section 4
`;

function seedOf(text: string | undefined, flag: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new HarnessError('INVALID_INPUT', `${flag} needs a whole number from 0 to 4294967295, got ${text === undefined ? 'nothing' : `"${text}"`}`);
  }
  return value;
}

/** Parses argv (without node and script); `env` supplies KUBELAB_SEED. */
export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'lab') throw new HarnessError('INVALID_INPUT', `unknown command "${command}"\n${USAGE}`);
  const args: LabArgs = { command: 'lab', backend: 'simulator', seed: undefined, sections: [] };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? rest[++i];
    if (flag === '--backend') args.backend = parseBackend(value());
    else if (flag === '--seed') args.seed = seedOf(value(), '--seed');
    else if (flag === '--section') {
      const section = value();
      if (section === undefined || !/^\d+(\.\d+)*$/.test(section)) throw new HarnessError('INVALID_INPUT', `--section needs a section number such as 4.3, got ${section === undefined ? 'nothing' : `"${section}"`}`);
      args.sections.push(section);
    } else if (flag === '--help' || flag === '-h') return { command: 'help' };
    else throw new HarnessError('INVALID_INPUT', `unknown option "${flag}" for kubelab lab\n${USAGE}`);
  }
  if (args.seed === undefined && env['KUBELAB_SEED'] !== undefined) args.seed = seedOf(env['KUBELAB_SEED'], 'KUBELAB_SEED');
  return args;
}
