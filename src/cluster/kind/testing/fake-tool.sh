# Body of the fake kind/kubectl/docker (POSIX sh, sourced by the wrappers fake-tools.ts writes, which set
# $tool). Only shell builtins run for a call (no awk, no node): bring-up makes dozens of calls per test.
# Environment: FAKE_LOG (one "tool argv…" line per call, newlines as \n), FAKE_STDIN_LOG, FAKE_RULES
# (rules.sh: pick_rule and answer), FAKE_FAIL (optional glob: matching calls exit 1).
IFS=' '
nl='
'
line=$tool
[ $# -eq 0 ] || line="$tool $*"
logged='' rest=$line
while :; do
  case $rest in
    *"$nl"*) logged="$logged${rest%%"$nl"*}\\n"; rest=${rest#*"$nl"} ;;
    *) logged=$logged$rest; break ;;
  esac
done
printf '%s\n' "$logged" >> "$FAKE_LOG"
# execa gives /dev/null (a character device, like a terminal) unless the caller passed input, which
# arrives through a socket pair: only then is there something to read, and reading costs a fork.
if [ ! -c /dev/stdin ]; then
  input=$(cat; echo .)
  input=${input%.}
  [ -z "$input" ] || printf -- '--- %s\n%s\n' "$line" "$input" >> "$FAKE_STDIN_LOG"
fi
if [ -n "${FAKE_FAIL-}" ]; then
  case $line in
    $FAKE_FAIL) printf 'fake %s: failing on demand (FAKE_FAIL)\n' "$tool" >&2; exit 1 ;;
  esac
fi
stdout='' stderr='' code=0 fail_times=0 sleep_s='' fail_stderr='fake failure
'
. "$FAKE_RULES"
pick_rule
answer
if [ -n "$sleep_s" ]; then
  # A timeout or abort sends SIGTERM: stop the sleep with us. Its stdio is /dev/null so that even a
  # SIGKILLed fake leaves no process holding the caller's pipes open.
  trap 'kill $! 2>/dev/null; exit 143' TERM INT
  sleep "$sleep_s" </dev/null >/dev/null 2>&1 &
  wait $!
fi
if [ "$fail_times" -gt 0 ]; then
  counter="$FAKE_RULES.$rule.count"
  n=0
  [ ! -f "$counter" ] || read -r n < "$counter"
  echo $((n + 1)) > "$counter"
  if [ "$n" -lt "$fail_times" ]; then
    printf '%s' "$fail_stderr" >&2
    exit 1
  fi
fi
printf '%s' "$stdout"
printf '%s' "$stderr" >&2
exit "$code"
