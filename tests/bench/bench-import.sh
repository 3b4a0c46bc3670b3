#!/usr/bin/env bash
# The import benchmark: Pecan's import of a usage file measured against the
# floor, a bare libcsv parse of the same file, and against the targets.
#
# Usage: tests/bench/bench-import.sh [FILE]
#
# Without FILE, a reference-sized file is generated with `pecan-cli demo`
# (700 customers, one month: about 380,000 rows). Three runs of each are
# alternated (bare, import, bare, import, ...), each import into a fresh
# database. Prints the figures next to the targets; a missed target is not
# an error.
#
# Environment: PECAN_CLI (default _build/src/cli/pecan-cli) and
# PECAN_BENCH_CSV (default _build/tests/bench/pecan-bench-csv), relative to
# the repository root.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
PECAN_CLI=${PECAN_CLI:-$root/_build/src/cli/pecan-cli}
PECAN_BENCH_CSV=${PECAN_BENCH_CSV:-$root/_build/tests/bench/pecan-bench-csv}
runs=3

die() {
  echo "bench-import: $*" >&2
  exit 1
}

if (($# > 1)); then
  echo "Usage: $0 [FILE]" >&2
  exit 2
fi
for program in "$PECAN_CLI" "$PECAN_BENCH_CSV"; do
  [[ -x "$program" ]] || die "$program not found: build first (build-aux/run), or set PECAN_CLI / PECAN_BENCH_CSV"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found: install the 'time' package"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pecan-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if (($# == 1)); then
  file=$1
  [[ -r "$file" ]] || die "$file: cannot read it"
else
  file=$tmp/bench.csv
  echo "Generating $file ..."
  "$PECAN_CLI" demo --out "$file" --customers 700 --months 2026-01 >/dev/null
fi
file_size=$(stat -L -c %s "$file")

# timed NAME COMMAND...: run COMMAND under /usr/bin/time; its output goes to
# $tmp/NAME.out and "wall-seconds peak-KiB" to $tmp/NAME.time.
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>&1; then
    cat "$tmp/$name.out" >&2
    die "failed: $*"
  fi
}

# Read the file once so that the first run does not pay for a cold cache.
cat "$file" >/dev/null

bare=() import=() import_kib=() db_bytes=() rows=
for ((i = 1; i <= runs; i++)); do
  timed "bare-$i" "$PECAN_BENCH_CSV" "$file"
  read -r seconds _ <"$tmp/bare-$i.time"
  bare+=("$seconds")
  rows=$(sed -n 's/^rows=\([0-9]*\) .*/\1/p' "$tmp/bare-$i.out")

  db=$tmp/bench-$i.db
  timed "import-$i" "$PECAN_CLI" --database "$db" import "$file"
  read -r seconds kib <"$tmp/import-$i.time"
  import+=("$seconds")
  import_kib+=("$kib")
  size=0
  for f in "$db" "$db-wal"; do
    if [[ -f "$f" ]]; then
      size=$((size + $(stat -c %s "$f")))
    fi
  done
  db_bytes+=("$size")
  rm -f "$db" "$db-wal" "$db-shm"
done
[[ -n "$rows" ]] || die "no row count from $PECAN_BENCH_CSV"

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

bare_median=$(median "${bare[@]}")
import_median=$(median "${import[@]}")
peak_kib=$(printf '%s\n' "${import_kib[@]}" | sort -n | tail -n 1)
db_max=$(printf '%s\n' "${db_bytes[@]}" | sort -n | tail -n 1)

# Everything below is arithmetic on the figures gathered above.
awk -v file="$file" -v size="$file_size" -v rows="$rows" \
    -v bare="${bare[*]}" -v import="${import[*]}" \
    -v bare_median="$bare_median" -v import_median="$import_median" \
    -v peak_kib="$peak_kib" -v db="$db_max" '
  function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
  BEGIN {
    # libcsv counts the header line as a row.
    data_rows = rows > 0 ? rows - 1 : 0
    n = split(bare, b, " ")
    split(import, im, " ")
    printf "file         %s\n", file
    printf "             %.1f MiB (%d bytes), %d rows\n", size / 1048576, size, data_rows
    for (i = 1; i <= n; i++)
      printf "run %d        bare parse %6.2f s   import %6.2f s   import/bare %s\n",
             i, b[i], im[i], ratio(im[i], b[i])
    printf "bare parse   %.2f s (median)\n", bare_median
    printf "import       %.2f s (median)\n", import_median
    rate = import_median > 0 ? sprintf("%d", data_rows / import_median) : "n/a"
    printf "rows/s       %-17s target >= 300000\n", rate
    printf "import/bare  %-17s target <= 1.5\n", ratio(import_median, bare_median)
    printf "peak memory  %-17s target < 64 MiB\n", sprintf("%.1f MiB", peak_kib / 1024)
    printf "database     %-17s target < 30 %%\n",
           sprintf("%.1f %%", size > 0 ? 100 * db / size : 0)
    printf "             (%.1f MiB: the .db and its -wal, largest of the runs)\n", db / 1048576
  }'
