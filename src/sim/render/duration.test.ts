import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, ageOf } from './duration.ts';

// Expected values: apimachinery duration_test.go cases and reference k8s-services.md §6.
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const cases: { name: string; ms: number; want: string }[] = [
  { name: 'two seconds in the future is invalid', ms: -2 * S, want: '<invalid>' },
  { name: 'one second in the future is now', ms: -1500, want: '0s' },
  { name: 'seconds below two minutes', ms: 119 * S, want: '119s' },
  { name: 'minutes and seconds below ten minutes', ms: 5 * M + 30 * S, want: '5m30s' },
  { name: 'whole minutes drop the seconds', ms: 5 * M, want: '5m' },
  { name: 'minutes below three hours', ms: 47 * M + 59 * S, want: '47m' },
  { name: 'tutorial 6m10s', ms: 6 * M + 10 * S, want: '6m10s' },
  { name: 'hours and minutes below eight hours', ms: 3 * H + 5 * M, want: '3h5m' },
  { name: 'hours below two days', ms: 26 * H + 59 * M, want: '26h' },
  { name: 'days and hours below eight days', ms: 2 * D + 22 * H, want: '2d22h' },
  { name: 'tutorial 4d21h', ms: 4 * D + 21 * H + 5 * M, want: '4d21h' },
  { name: 'whole days', ms: 3 * D, want: '3d' },
  { name: 'days below two years', ms: 120 * D, want: '120d' },
  { name: 'years and days', ms: (2 * 365 + 30) * D, want: '2y30d' },
  { name: 'years only beyond eight years', ms: 9 * 365 * D, want: '9y' },
];

for (const c of cases) test(`humanDuration: ${c.name}`, () => assert.equal(humanDuration(c.ms), c.want));

test('ageOf without a timestamp is <unknown>', () => assert.equal(ageOf(undefined, new Date()), '<unknown>'));
test('ageOf measures from the creation timestamp', () =>
  assert.equal(ageOf('2024-09-06T06:24:25Z', new Date('2024-09-06T06:24:57Z')), '32s'));
