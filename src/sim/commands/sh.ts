/** `sh -c 'LINE'` and `sh FILE` (also as bash): run a line or a work-folder script through the lab shell. */
import { textOutput, type CommandHandler } from './command.ts';
import { readLabFile, FileAccessError } from './shell-files.ts';

/** sh [-c LINE | FILE]; the script sees the same machine and work folder. SRC: POSIX sh -c / sh file operands. */
export const sh: CommandHandler = async (argv, ctx) => {
  const name = argv[0] ?? 'sh';
  const [first, second] = argv.slice(1);
  let line: string;
  if (first === '-c') {
    if (second === undefined) return textOutput('', `${name}: -c: option requires an argument\n`, 2);
    line = second;
  } else if (first === undefined || first.startsWith('-')) {
    return textOutput('', `${name}: kubelab runs "${name} -c 'COMMANDS'" or "${name} SCRIPT" only (no interactive shell)\n`, 2);
  } else {
    try {
      line = readLabFile(first, ctx.workdir, ctx.source);
    } catch (err) {
      if (err instanceof FileAccessError) return textOutput('', `${name}: ${err.message}\n`, 127);
      throw err;
    }
  }
  // Loaded at call time: the registry imports this module.
  const { runShell } = await import('./shell-run.ts');
  const { COMMANDS } = await import('./registry.ts');
  return runShell(line.replace(/^#!.*\n/, ''), { sim: ctx.sim, source: ctx.source, workdir: ctx.workdir, programs: COMMANDS });
};
