/**
 * What a command on kind did besides printing: its HTTP exchanges (curl, through the header dumps that
 * curl-args.ts adds) and DNS exchanges (dig, nslookup, read back from their output), both in lab terms.
 */
import type { DnsExchange, HttpExchange } from '../exchanges.ts';
import { curlInvocations, instrumentCurl, splitDumps } from './curl-args.ts';
import { curlExchanges } from './curl-exchanges.ts';
import { parseDnsOutput } from './dns-output.ts';

/** A command prepared for recording: the line to run and how to read its records back. */
export interface RecordingRun {
  line: string;
  /** Turns the raw output into the user's output plus records; `toLab` maps real addresses back. */
  finish(out: { exitCode: number; stdout: string; stderr: string }, toLab: (text: string) => string): { stdout: string; stderr: string; http: HttpExchange[]; dns: DnsExchange[] };
}

/**
 * Prepares `realLine` (the lab `command` with real addresses) so its curls dump their headers to
 * `/tmp/kubelab-curl-<tag>-<i>` where it runs; `resolve` maps a lab host name to its lab address.
 */
export function recordingRun(command: string, realLine: string, tag: string, resolve: (host: string) => string | undefined): RecordingRun {
  const { line, count } = instrumentCurl(realLine, (i) => `/tmp/kubelab-curl-${tag}-${i}.h`);
  // Requests are described from the lab command: the same curls, in the same order, with the lab's addresses.
  const invocations = count > 0 ? curlInvocations(command) : [];
  return {
    line,
    finish(out, toLab) {
      const { stderr, dumps } = splitDumps(out.stderr, count);
      const stdout = toLab(out.stdout);
      const userErr = toLab(stderr);
      const http = invocations.length === count
        ? invocations.flatMap((inv, i) => {
            // Only the last curl's exit code is known, and the body only when it is the line's one curl
            // (several curls share stdout); the others get their header blocks.
            const last = i === count - 1;
            return curlExchanges(inv, toLab(dumps[i] ?? ''), last ? { exitCode: out.exitCode, stdout: count === 1 ? stdout : '', stderr: userErr } : { exitCode: 0, stdout: '', stderr: '' }, resolve);
          })
        : [];
      return { stdout, stderr: userErr, http, dns: parseDnsOutput(command, stdout, userErr) };
    },
  };
}
