/**
 * htpasswd (httpd-tools 2.4.57 on Rocky 9): `htpasswd [-c] [-b] [-m|-B|-s|-p|-d] [-C cost] [-n] file user [password]`.
 * Hashes are real: $apr1$ (apache-md5, the default), bcrypt $2y$ (bcryptjs, cost 5), {SHA}, plain, DES crypt
 * (unix-crypt-td-js); salts come from sim.rng. Messages go to stderr as htpasswd prints them.
 * SRC: apache httpd support/htpasswd.c and support/passwd_common.c get_password (2.4.57). Without -b or -i htpasswd
 * asks twice through apr_password_get → glibc getpass(): a kubelab command has no controlling terminal, so getpass
 * writes the prompt to stderr and reads a line from stdin (EOF reads as an empty password; no newline is echoed); two
 * different answers give "password verification error" (exit 3). `-i` reads the whole of stdin (one trailing newline
 * stripped) without asking twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import md5 from 'apache-md5';
import bcrypt from 'bcryptjs';
import crypt from 'unix-crypt-td-js';
import { textOutput, type CommandHandler } from './command.ts';
import { FileAccessError, resolveLabPath } from './shell-files.ts';
import type { Random } from '../context.ts';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const USAGE = `Usage:
\thtpasswd [-cimB25dpsDv] [-C cost] [-r rounds] passwordfile username
\thtpasswd -b[cmB25dpsDv] [-C cost] [-r rounds] passwordfile username password

\thtpasswd -n[imB25dps] [-C cost] [-r rounds] username
\thtpasswd -nb[mB25dps] [-C cost] [-r rounds] username password
 -c  Create a new file.
 -n  Don't update file; display results on stdout.
 -b  Use the password from the command line rather than prompting for it.
 -i  Read password from stdin without verification (for script usage).
 -m  Force MD5 encryption of the password (default).
 -B  Force bcrypt encryption of the password (very secure).
 -C  Set the computing time used for the bcrypt algorithm
     (higher is more secure but slower, default: 5, valid: 4 to 17).
 -d  Force CRYPT encryption of the password (8 chars max, insecure).
 -s  Force SHA-1 encryption of the password (insecure).
 -p  Do not encrypt the password (plaintext, insecure).
`;

/** One htpasswd hash of `password` in the given mode. */
export function hashPassword(mode: 'm' | 'B' | 's' | 'p' | 'd', password: string, rng: Random, cost = 5): string {
  switch (mode) {
    case 'm': return md5(password, `$apr1$${rng.string(8, ITOA64)}$`);
    case 'B': {
      const salt = rng.string(21, BCRYPT64) + '.Oeu'[rng.below(4)];
      return bcrypt.hashSync(password, `$2b$${String(cost).padStart(2, '0')}$${salt}`).replace(/^\$2b\$/, '$2y$');
    }
    case 's': return `{SHA}${createHash('sha1').update(password).digest('base64')}`;
    case 'p': return password;
    case 'd': return crypt(password.slice(0, 8), rng.string(2, ITOA64));
  }
}

/** The htpasswd program. */
export const htpasswd: CommandHandler = async (argv, ctx) => {
  let create = false, batch = false, stdout = false, cost = 5;
  let source: 'prompt' | 'arg' | 'stdin' = 'prompt';
  let mode: 'm' | 'B' | 's' | 'p' | 'd' = 'm';
  const rest: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('-') && a.length > 1 && rest.length === 0) {
      for (const ch of a.slice(1)) {
        if (ch === 'c') create = true;
        else if (ch === 'b') { batch = true; source = 'arg'; }
        else if (ch === 'i') source = 'stdin';
        else if (ch === 'n') stdout = true;
        else if ('mBspd'.includes(ch)) mode = ch as typeof mode;
        else if (ch === 'C') cost = Number(argv[++i]);
        else return textOutput('', `htpasswd: kubelab does not model option -${ch}\n${USAGE}`, 2);
      }
    } else rest.push(a);
  }
  const need = (stdout ? 1 : 2) + (batch ? 1 : 0);
  if (rest.length !== need || (stdout && create)) return textOutput('', USAGE, 2);
  if (!(cost >= 4 && cost <= 17)) return textOutput('', 'htpasswd: Bad cost argument\n', 2);
  const [fileOrUser, ...more] = rest;
  const file = stdout ? undefined : fileOrUser!;
  const user = stdout ? fileOrUser! : more[0]!;
  if (user.includes(':')) return textOutput('', "htpasswd: username contains illegal character ':'\n", 6);
  let prompts = '';
  let password: string;
  if (source === 'arg') password = more[more.length - 1]!;
  else if (source === 'stdin') password = ctx.stdin.replace(/\r?\n$/, '');
  else {
    const lines = ctx.stdin.split('\n');
    // getpass(): one line per prompt, EOF reads as "".
    const first = lines[0] ?? '';
    const second = lines.length > 1 ? lines[1]! : '';
    prompts = 'New password: Re-type new password: ';
    if (first !== second) return textOutput('', `${prompts}htpasswd: password verification error\n`, 3);
    password = first;
  }
  const line = `${user}:${hashPassword(mode, password, ctx.sim.rng, cost)}`;
  if (stdout) return textOutput(`${line}\n\n`, prompts);
  let target;
  try {
    target = resolveLabPath(file!, ctx.workdir, ctx.source, 'write');
  } catch (error) {
    return textOutput('', `htpasswd: cannot create file ${file}: ${(error as FileAccessError).message}\n`, 1);
  }
  if (target.kind !== 'file') return textOutput('', `htpasswd: cannot use ${file} as a password file\n`, 1);
  if (!create && !existsSync(target.path)) return textOutput('', `htpasswd: cannot modify file ${file}; use '-c' to create it\n`, 1);
  const lines = create ? [] : readFileSync(target.path, 'utf8').split('\n').filter((l) => l !== '');
  const index = lines.findIndex((l) => l.split(':')[0] === user);
  const verb = index >= 0 ? 'Updating' : 'Adding';
  if (index >= 0) lines[index] = line;
  else lines.push(line);
  writeFileSync(target.path, `${lines.join('\n')}\n`);
  return textOutput('', `${prompts}${verb} password for user ${user}\n`);
};
