/** Every program the simulated machines know, by name. An unknown name fails like a shell: `sh: foo: not found`. */
import type { CommandHandler } from './command.ts';
import { SHELL_PROGRAMS } from './shell-programs.ts';
import { dig } from './dig.ts';
import { nslookup } from './nslookup.ts';
import { kubectl } from './kubectl/kubectl.ts';
import { openssl } from './openssl.ts';
import { htpasswd } from './htpasswd.ts';

/** Programs by argv[0]. Each area adds its own entries (one import + one line). */
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  ...SHELL_PROGRAMS,
  dig,
  nslookup,
  kubectl,
  openssl,
  htpasswd,
};
