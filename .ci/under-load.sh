#!/usr/bin/env bash
# The suite under load (issue #12, RELIABILITY.md): keeps every core busy with a CPU load, runs
# `mvn -B verify` several times in a row from this repository, stops the load, prints one line
# per run (tests, failures, errors, skipped, minutes) and exits non-zero when any run failed.
#
#   .ci/under-load.sh [--runs N] [--load-cores N] [--load-nice N] [-- extra maven arguments]
#
#   --runs N        runs in a row (default 3)
#   --load-cores N  busy processes (default: every core, from nproc)
#   --load-nice N   niceness of the load (default 0: it competes with the tests as an equal)
#   -- ARGS         passed to every maven run, e.g. `--runs 1 -- -o -Dtest=StoreLocatorTest` to try the script
#
# The load is stress-ng when it is installed (apt-get install stress-ng), else one shell busy loop per core.
set -uo pipefail
cd "$(dirname "$0")/.."

runs=3
cores=$(nproc)
load_nice=0
maven_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --load-cores) cores="$2"; shift 2 ;;
    --load-nice) load_nice="$2"; shift 2 ;;
    --) shift; maven_args=("$@"); break ;;
    *) echo "under-load: unknown option $1; see the head of $0" >&2; exit 2 ;;
  esac
done
case "$runs$cores$load_nice" in
  *[!0-9-]*) echo "under-load: --runs, --load-cores and --load-nice take numbers" >&2; exit 2 ;;
esac

load_pids=()
start_load() {
  if command -v stress-ng >/dev/null 2>&1; then
    nice -n "$load_nice" stress-ng --cpu "$cores" --quiet &
    load_pids+=($!)
  else
    for _ in $(seq "$cores"); do
      nice -n "$load_nice" bash -c 'while :; do :; done' &
      load_pids+=($!)
    done
  fi
  echo "under-load: ${#load_pids[@]} load process(es) on $cores core(s) at nice $load_nice: ${load_pids[*]}"
}
stop_load() {
  for pid in "${load_pids[@]}"; do
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  load_pids=()
}
trap stop_load EXIT
trap 'exit 130' INT TERM

# Sums the counts of every surefire and failsafe report of the run just finished (shell and awk only).
report_counts() {
  for report in target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml; do
    [ -f "$report" ] && grep -m1 -o '<testsuite [^>]*>' "$report"
  done | awk '
    { for (i = 1; i <= NF; i++) {
        if ($i ~ /^(tests|failures|errors|skipped)="[0-9]+"/) { split($i, parts, "\""); key = substr($i, 1, index($i, "=") - 1); sum[key] += parts[2] }
      } }
    END { printf "tests %d, failures %d, errors %d, skipped %d\n", sum["tests"], sum["failures"], sum["errors"], sum["skipped"] }'
}

start_load
results=()
failed=0
for run in $(seq "$runs"); do
  rm -rf target/surefire-reports target/failsafe-reports
  log="target/under-load-run-$run.log"
  mkdir -p target
  started=$(date +%s)
  echo "under-load: run $run of $runs: mvn -B verify ${maven_args[*]} (log: $log)"
  if mvn -B verify "${maven_args[@]}" >"$log" 2>&1; then outcome=passed; else outcome=FAILED; failed=$((failed + 1)); fi
  minutes=$(awk -v s="$(( $(date +%s) - started ))" 'BEGIN { printf "%.1f", s / 60 }')
  results+=("run $run: $outcome; $(report_counts); $minutes min")
  echo "under-load: ${results[-1]}"
done
stop_load

echo "under-load: $runs run(s) of mvn -B verify ${maven_args[*]} with $cores core(s) loaded:"
printf '  %s\n' "${results[@]}"
if [ "$failed" -gt 0 ]; then
  echo "under-load: $failed of $runs run(s) failed; see target/under-load-run-*.log" >&2
  exit 1
fi
