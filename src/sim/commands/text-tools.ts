/** The text tools lab pipelines use, by program name (grep, sed, awk, wc, head, tail, sort, uniq). */
import type { CommandHandler } from './command.ts';
import { grep } from './text-tools/grep.ts';
import { sed } from './text-tools/sed.ts';
import { awk } from './text-tools/awk.ts';
import { wc, head, tail, sort, uniq } from './text-tools/line-tools.ts';

/** Handlers by argv[0]. */
export const TEXT_TOOLS: Readonly<Record<string, CommandHandler>> = { grep, egrep: (argv, ctx) => grep(['grep', '-E', ...argv.slice(1)], ctx), sed, awk, wc, head, tail, sort, uniq };
