/**
 * yum / dnf on the Rocky 9 lab machines. The simulated machines come with the packages the tutorial
 * installs (ipvsadm, httpd-tools) already present, so `yum install ipvsadm -y` succeeds the way dnf
 * does for an installed package; anything else is reported as not available in the lab.
 */
import { textOutput, type CommandHandler } from './command.ts';

// Package → the installed NEVRA dnf names (Rocky 9 BaseOS/AppStream builds).
const INSTALLED: Readonly<Record<string, string>> = {
  ipvsadm: 'ipvsadm-1.31-6.el9.x86_64',
  'httpd-tools': 'httpd-tools-2.4.57-5.el9.x86_64',
  curl: 'curl-7.76.1-26.el9.x86_64',
  'bind-utils': 'bind-utils-9.16.23-14.el9.x86_64',
  openssl: 'openssl-3.0.7-24.el9.x86_64',
  iproute: 'iproute-6.2.0-5.el9.x86_64',
};

/** `yum|dnf install PKG... [-y]`. SRC: dnf 4 messages ("Package … is already installed.", "Nothing to do.", "Complete!"). */
export const yum: CommandHandler = async (argv, ctx) => {
  const checked = metadataLine(ctx.sim.clock.now());
  const args = argv.slice(1).filter((a) => a !== '-y' && a !== '--assumeyes' && a !== '-q');
  const unknownFlag = args.find((a) => a.startsWith('-'));
  if (unknownFlag) return textOutput('', `${argv[0]}: error: unrecognized arguments: ${unknownFlag}\n`, 2);
  const [sub, ...packages] = args;
  if (sub !== 'install') {
    return textOutput('', `${argv[0]} ${sub ?? ''}: kubelab models only "${argv[0]} install PACKAGE -y" for the packages the tutorial installs (${Object.keys(INSTALLED).join(', ')})\n`, 1);
  }
  if (packages.length === 0) return textOutput('', 'Error: Need to pass a list of pkgs to install\n', 1);
  const missing = packages.filter((p) => !INSTALLED[p]);
  if (missing.length > 0) {
    const lines = missing.map((p) => `No match for argument: ${p}`).join('\n');
    return textOutput(checked, `${lines}\nError: Unable to find a match: ${missing.join(' ')}\n`, 1);
  }
  const already = packages.map((p) => `Package ${INSTALLED[p]} is already installed.\n`).join('');
  return textOutput(`${checked}${already}Dependencies resolved.\nNothing to do.\nComplete!\n`);
};

// dnf prints when it last refreshed its metadata; the lab says ten minutes before "now", in UTC.
function metadataLine(now: Date): string {
  const at = new Date(now.getTime() - 625_000);
  const day = at.toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
  const month = at.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  const dd = String(at.getUTCDate()).padStart(2, '0');
  const h = at.getUTCHours();
  const hh = String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0');
  const mm = String(at.getUTCMinutes()).padStart(2, '0');
  const ss = String(at.getUTCSeconds()).padStart(2, '0');
  return `Last metadata expiration check: 0:10:25 ago on ${day} ${dd} ${month} ${at.getUTCFullYear()} ${hh}:${mm}:${ss} ${h < 12 ? 'AM' : 'PM'} UTC.\n`;
}
