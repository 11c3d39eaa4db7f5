/** Seeds: one per run (printed in the report, replayed with KUBELAB_SEED), one per scenario derived from it. */
import { HarnessError } from '../../src/index.ts';

/** Parses a seed given by a user: a whole number from 0 to 4294967295. */
export function parseSeed(text: string, from: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new HarnessError('INVALID_INPUT', `${from} must be a whole number from 0 to 4294967295, got "${text}"`);
  }
  return value;
}

/**
 * The seed of one scenario: FNV-1a over the run seed and the scenario's `uri:line`, so a scenario
 * replays identically with the same run seed whether it runs alone or with the whole lab.
 */
export function scenarioSeed(runSeed: number, scenarioKey: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${runSeed}:${scenarioKey}`) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
