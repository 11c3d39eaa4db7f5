/** Golden-file comparison for renderer tests: compares, or rewrites the file when UPDATE_GOLDEN=1. */
import { readFileSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';

/** Asserts `actual` equals the golden file at `path` (rewriting it first when UPDATE_GOLDEN=1). */
export function assertGolden(path: URL, actual: string): void {
  // Test-only: the one place renderer tests read the environment (UPDATE_GOLDEN=1 npm run test:unit).
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'));
}
