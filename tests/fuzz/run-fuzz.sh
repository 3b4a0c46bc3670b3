#!/usr/bin/env bash
# Fuzz Pecan's importer for a fixed time: run-fuzz.sh [SECONDS] (60 by
# default), from anywhere.
#
# Sets up a clang build with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer in _build-fuzz (PECAN_FUZZ_BUILDDIR), seeds the
# corpus with the test fixtures and tests/data/fuzz, and runs the target on
# one core. libFuzzer stops at the first crash, leak or broken promise and
# writes the input under the build folder's fuzz-artifacts/; the last lines
# printed are the executions and the crashes found. A crash is a bug to fix:
# then add its input to tests/data/fuzz (see the README.md there).
#
# The corpus (_build-fuzz/fuzz-corpus, or PECAN_FUZZ_CORPUS) is kept
# between runs, so that each run starts where the last one stopped.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
shopt -s nullglob

seconds=${1:-60}
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
builddir=${PECAN_FUZZ_BUILDDIR:-$root/_build-fuzz}
corpus=${PECAN_FUZZ_CORPUS:-$builddir/fuzz-corpus}
artifacts=$builddir/fuzz-artifacts

if ! command -v clang >/dev/null; then
  echo "run-fuzz.sh: clang is needed (apt-get install clang)" >&2
  exit 1
fi

if [[ ! -f "$builddir/build.ninja" ]]; then
  CC=clang meson setup "$builddir" "$root" \
    -Dfuzzing=true -Dgui=disabled -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$builddir" fuzz-import

# The fixtures, good and bad, and every earlier finding.
mkdir -p "$corpus" "$artifacts"
for seed in "$root"/tests/data/*.csv "$root"/tests/data/*.txt "$root"/tests/data/*.bin \
            "$root"/tests/data/fuzz/*; do
  [[ "$seed" == */README.md ]] || cp -n "$seed" "$corpus/"
done

# Each input's database lives here, removed whatever happens: in memory
# when it can be, as every input writes a new one.
tmp=${TMPDIR:-/tmp}
if [[ -z "${TMPDIR:-}" && -d /dev/shm && -w /dev/shm ]]; then
  tmp=/dev/shm
fi
work=$(mktemp -d "$tmp/pecan-run-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$builddir/fuzz-import.log

before=$(find "$artifacts" -type f | wc -l)
status=0
# UndefinedBehaviorSanitizer only reports unless told to stop: a report
# must end the run, or libFuzzer never sees it.
TMPDIR=$work \
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$builddir/tests/fuzz/fuzz-import" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$root/tests/fuzz/importer.dict" -artifact_prefix="$artifacts/" \
    -print_final_stats=1 "$corpus" 2>&1 | tee "$log" || status=$?
after=$(find "$artifacts" -type f | wc -l)

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
echo
echo "run-fuzz.sh: ${executions:-?} executions in at most $seconds s," \
     "$((after - before)) crash(es) found; corpus $corpus"
if ((after > before)); then
  echo "run-fuzz.sh: the inputs are in $artifacts"
  exit 1
fi
exit "$status"
