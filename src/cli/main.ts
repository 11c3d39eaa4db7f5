/**
 * The `kubelab` command. With steps/hooks.ts, the only code that touches process and console:
 * everything else receives what it needs.
 */
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HarnessError } from '../index.ts';
import { parseArgs, USAGE } from './args.ts';
import { runLab } from './lab.ts';
import { runServe, processStopRequested } from './serve.ts';

/** The project root: two folders above this file (src/cli/). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs kubelab with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === 'serve') {
      return await runServe(argv.slice(1), { cwd: process.cwd(), env: process.env, print: (line) => console.log(line), randomSeed: () => randomInt(0, 2 ** 32), stopRequested: processStopRequested });
    }
    const args = parseArgs(argv, process.env);
    if (args.command === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    // Step timeouts depend on the backend and are fixed when the step code loads (steps/hooks.ts).
    process.env['KUBELAB_BACKEND'] = args.backend;
    // Feature URIs, manifest paths and reports/ are relative to the project root, wherever kubelab was started.
    process.chdir(ROOT);
    return await runLab(args, {
      root: ROOT,
      env: process.env,
      print: (line) => console.log(line),
      randomSeed: () => randomInt(0, 2 ** 32),
    });
  } catch (error) {
    // Errors are reported once, here; a HarnessError's message already says what to do.
    console.error(`kubelab: ${describeError(error)}`);
    return 2;
  }
}

// A message and its causes (cucumber wraps a failing BeforeAll hook's error); a stack only for
// unexpected errors that say nothing more.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const causes: string[] = [];
  for (let cause = error.cause; cause !== undefined && causes.length < 5; cause = cause instanceof Error ? cause.cause : undefined) {
    causes.push(`  caused by: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (error instanceof HarnessError || causes.length > 0) return [error.message, ...causes].join('\n');
  return error.stack ?? error.message;
}

// Run when executed as a script (`tsx src/cli/main.ts lab`, i.e. `npm run lab`); bin.mjs calls main itself.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
