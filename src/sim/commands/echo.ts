/** echo, sleep, true and false: the shell utilities lab command lines use around the real programs. */
import { textOutput, type CommandHandler } from './command.ts';

/** echo [-n] [-e] ARGS: GNU coreutils echo (bash's builtin behaves alike for these flags). */
export const echo: CommandHandler = async (argv) => {
  let newline = true;
  let escapes = false;
  let i = 1;
  // SRC: coreutils echo.c: leading arguments made only of n/e/E letters are options, the rest is text.
  for (; i < argv.length && /^-[neE]+$/.test(argv[i]!); i++) {
    for (const f of argv[i]!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) { text = text.slice(0, cut); newline = false; }
    text = text.replace(/\\([nt\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : '\\'));
  }
  return textOutput(newline ? `${text}\n` : text);
};

/** sleep N[s|m|h]: moves the lab clock (time is simulated). */
export const sleep: CommandHandler = async (argv, ctx) => {
  const unit: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  let total = 0;
  if (argv.length < 2) return textOutput('', "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
  for (const a of argv.slice(1)) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) return textOutput('', `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`, 1);
    total += Number(m[1]) * unit[m[2]!]!;
  }
  ctx.sim.clock.advance(Math.round(total));
  return textOutput('');
};

/** true: exit 0. */
export const trueCommand: CommandHandler = async () => textOutput('');

/** false: exit 1. */
export const falseCommand: CommandHandler = async () => textOutput('', '', 1);
