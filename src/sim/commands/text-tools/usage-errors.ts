/** How GNU coreutils-style programs reject options they do not know (the lab's Rocky 9 tools). */
import { textOutput, type CommandOutput } from '../command.ts';

/**
 * `prog: unrecognized option '--foo'` (long) or `prog: invalid option -- 'z'` (short), then the
 * program's usage hint. SRC: glibc getopt_long messages (posix/getopt.c); coreutils emit_try_help.
 */
export function unknownOption(program: string, option: string, usage: string, exitCode: number): CommandOutput {
  const first = option.startsWith('--') ? `${program}: unrecognized option '${option}'` : `${program}: invalid option -- '${option.replace(/^-/, '')[0]}'`;
  return textOutput('', `${first}\n${usage ? `${usage}\n` : ''}Try '${program} --help' for more information.\n`, exitCode);
}

/** `prog: option requires an argument -- 'n'`. SRC: glibc posix/getopt.c. */
export function missingArgument(program: string, option: string, exitCode: number): CommandOutput {
  return textOutput('', `${program}: option requires an argument -- '${option.replace(/^-+/, '')}'\nTry '${program} --help' for more information.\n`, exitCode);
}

/** Splits text into lines without the trailing empty piece a final newline leaves. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Joins lines back, each ending with a newline. */
export function unlines(items: string[]): string {
  return items.map((l) => `${l}\n`).join('');
}
