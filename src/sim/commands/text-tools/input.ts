/** Reading a text tool's input: named files in the work folder, or standard input (`-` or none). */
import type { CommandContext } from '../command.ts';
import { readLabFile, FileAccessError } from '../shell-files.ts';

/** The concatenated input of `files` (stdin when empty), or the first error line (`prog: x: No such file or directory`). */
export function readInputs(program: string, files: string[], ctx: CommandContext): { ok: true; text: string; perFile: { name: string; text: string }[] } | { ok: false; stderr: string } {
  if (files.length === 0) return { ok: true, text: ctx.stdin, perFile: [{ name: '-', text: ctx.stdin }] };
  const perFile: { name: string; text: string }[] = [];
  for (const name of files) {
    if (name === '-') { perFile.push({ name, text: ctx.stdin }); continue; }
    try {
      perFile.push({ name, text: readLabFile(name, ctx.workdir, ctx.source) });
    } catch (err) {
      if (err instanceof FileAccessError) return { ok: false, stderr: `${program}: ${err.message}\n` };
      throw err;
    }
  }
  return { ok: true, text: perFile.map((f) => f.text).join(''), perFile };
}
