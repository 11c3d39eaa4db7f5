/** The `curl` program of the lab machines: runCurl bound to the simulated DNS resolver, network and work folder. */
import type { CommandHandler } from '../command.ts';
import { runCurl, type CurlFiles } from './run-curl.ts';
import { resolveHost } from '../../dns/resolver.ts';
import { sendHttp } from '../../network/http.ts';
import { readLabFile, writeLabFile, FileAccessError } from '../shell-files.ts';

/** curl ARGS… on the command's machine. */
export const curl: CommandHandler = async (argv, ctx) => {
  const { sim, source, workdir } = ctx;
  const files: CurlFiles = {
    read: (path) => {
      try {
        return { ok: true, text: readLabFile(path, workdir, source) };
      } catch (err) {
        if (err instanceof FileAccessError) return { ok: false, message: err.message };
        throw err;
      }
    },
    write: (path, text) => {
      try {
        writeLabFile(path, workdir, source, text);
        return undefined;
      } catch (err) {
        if (err instanceof FileAccessError) return err.message;
        throw err;
      }
    },
  };
  return runCurl(argv, {
    resolve: (host) => resolveHost(sim, source, host),
    send: (request, opts) => (sim.transport?.http ?? sendHttp)(sim, source, request, opts),
    now: () => sim.clock.now(),
    advance: (ms) => sim.clock.advance(ms),
  }, files, source.ip);
};
