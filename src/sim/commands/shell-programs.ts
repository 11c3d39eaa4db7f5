/** The programs the shell area provides (text tools, cat, echo, yum, ipvsadm, iptables, ip, curl), by name. */
import type { CommandHandler } from './command.ts';
import { TEXT_TOOLS } from './text-tools.ts';
import { cat } from './cat.ts';
import { echo, sleep, trueCommand, falseCommand } from './echo.ts';
import { yum } from './yum.ts';
import { ipvsadm } from './ipvsadm.ts';
import { iptables, iptablesSave } from './iptables.ts';
import { curl } from './curl/curl.ts';
import { ip } from './ip.ts';
import { sh } from './sh.ts';

/** Handlers by argv[0]; registered in COMMANDS with one spread. */
export const SHELL_PROGRAMS: Readonly<Record<string, CommandHandler>> = {
  ...TEXT_TOOLS,
  cat,
  echo,
  sleep,
  true: trueCommand,
  false: falseCommand,
  yum,
  dnf: yum,
  ipvsadm,
  iptables,
  'iptables-save': iptablesSave,
  curl,
  ip,
  sh,
  bash: sh,
};
