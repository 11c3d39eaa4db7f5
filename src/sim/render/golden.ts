/** Golden-file comparison for renderer tests: compares, or rewrites the file when UPDATE_GOLDEN=1. */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import assert from 'node:assert/strict';

/** Asserts `actual` equals the golden file at `path` (absolute); UPDATE_GOLDEN=1 writes it instead. */
export function assertGolden(path: string, actual: string, env: Record<string, string | undefined>): void {
  if (env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `golden file ${path} is missing: run with UPDATE_GOLDEN=1 once, then check it against the reference`);
  assert.equal(actual, readFileSync(path, 'utf8'));
}
