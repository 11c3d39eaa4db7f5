/** The AGE column: apimachinery's duration.HumanDuration. */

// SRC: kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration (v1.31).
/** A succinct human duration ("45s", "5m30s", "47m", "3h5m", "26h", "3d4h", "120d", "2y30d", "9y"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Up to one second in the future counts as "now" (clock skew tolerance); beyond that is invalid.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** AGE of an object created at `timestamp` (RFC 3339) seen at `now`; `<unknown>` without a timestamp. */
export function ageOf(timestamp: string | undefined, now: Date): string {
  // SRC: kubernetes pkg/printers/internalversion/printers.go translateTimestampSince (v1.31).
  if (!timestamp) return '<unknown>';
  return humanDuration(now.getTime() - Date.parse(timestamp));
}

function withRest(major: number, majorUnit: string, rest: number, restUnit: string): string {
  return rest === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${rest}${restUnit}`;
}
