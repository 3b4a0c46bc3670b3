#!/usr/bin/env bash
# The report benchmark, against the targets of DESIGN.md:
# - 100 client workbooks (without lines) in under 10 s: `pecan-cli report
#   --all` on a demo database of 100 clients over a quarter, three runs;
# - a Lines sheet of a million rows in constant memory: one client's
#   workbook with --lines at LINES rows (1,050,000 by default: past Excel's
#   last row, so it goes on in a second sheet) and at a tenth of that, their
#   peak memory side by side, and its time set against the floor, a bare
#   libxlsxwriter write of as many rows of the same shape
#   (pecan-bench-xlsx) run in the same script.
#
# Usage: tests/bench/bench-report.sh [LINES]
#
# Environment: PECAN_CLI (default _build/src/cli/pecan-cli) and
# PECAN_BENCH_XLSX (default _build/tests/bench/pecan-bench-xlsx).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
PECAN_CLI=${PECAN_CLI:-$root/_build/src/cli/pecan-cli}
PECAN_BENCH_XLSX=${PECAN_BENCH_XLSX:-$root/_build/tests/bench/pecan-bench-xlsx}
lines=${1:-1050000}
runs=3
contoso=0f8e2b6a-1c3d-4e5f-8a9b-1a2b3c4d5e6f

die() {
  echo "bench-report: $*" >&2
  exit 1
}

for program in "$PECAN_CLI" "$PECAN_BENCH_XLSX"; do
  [[ -x "$program" ]] || die "$program not found: build first, or set PECAN_CLI / PECAN_BENCH_XLSX"
done
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found: install the 'time' package"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pecan-bench-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# timed NAME COMMAND...: "wall-seconds peak-KiB" of COMMAND in $tmp/NAME.time.
timed() {
  local name=$1
  shift
  if ! /usr/bin/time -f '%e %M' -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>&1; then
    cat "$tmp/$name.out" >&2
    die "failed: $*"
  fi
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# 1. A hundred clients.
echo "Generating a quarter of 100 clients ..."
"$PECAN_CLI" demo --out "$tmp/clients.csv" --customers 100 --months 2026-01:2026-03 >/dev/null
"$PECAN_CLI" --database "$tmp/clients.db" import "$tmp/clients.csv" >/dev/null
usage_lines=$(($(wc -l <"$tmp/clients.csv") - 1))
many=() many_kib=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$tmp/out"
  timed "many-$i" "$PECAN_CLI" --database "$tmp/clients.db" report --period 2026-Q1 --all \
    --share 40 --out "$tmp/out"
  read -r seconds kib <"$tmp/many-$i.time"
  many+=("$seconds")
  many_kib+=("$kib")
done
workbooks=$(find "$tmp/out" -name '*.xlsx' | wc -l)
rm -rf "$tmp/out" "$tmp/clients.csv"

# 2. One client's million lines: Contoso's rows of tests/data/daily-small.csv
# over and over, and a tenth of them in a database of their own.
echo "Generating $lines usage lines of one client ..."
make_file() {
  awk -F, -v n="$2" -v id="$contoso" '
    NR == 1 { print; next }
    # Whole rows only: a quoted field may hold a line break.
    $3 == id && gsub(/"/, "\"") % 2 == 0 { row[k++] = $0 }
    END { for (i = 0; i < n; i++) print row[i % k] }' "$root/tests/data/daily-small.csv" >"$1"
}
make_file "$tmp/big.csv" "$lines"
"$PECAN_CLI" --database "$tmp/big.db" import "$tmp/big.csv" >/dev/null
rm -f "$tmp/big.csv"
make_file "$tmp/small.csv" $((lines / 10))
"$PECAN_CLI" --database "$tmp/small.db" import "$tmp/small.csv" >/dev/null
rm -f "$tmp/small.csv"

report_lines() {
  rm -rf "$tmp/out"
  timed "$1" "$PECAN_CLI" --database "$tmp/$2.db" report --period 2026-01:2026-02 \
    --customer "$contoso" --lines --out "$tmp/out"
}
report_lines small small
read -r small_seconds small_kib <"$tmp/small.time"
timed floor "$PECAN_BENCH_XLSX" "$lines" "$tmp/floor.xlsx"
read -r floor_seconds floor_kib <"$tmp/floor.time"
report_lines big big
read -r big_seconds big_kib <"$tmp/big.time"
big_file=$(find "$tmp/out" -name '*.xlsx')
big_sheets=$(unzip -Z1 "$big_file" | grep -c '^xl/worksheets/sheet' || true)
big_bytes=$(stat -c %s "$big_file")

awk -v usage="$usage_lines" -v many="${many[*]}" -v many_median="$(median "${many[@]}")" \
    -v many_kib="$(printf '%s\n' "${many_kib[@]}" | sort -n | tail -n 1)" \
    -v workbooks="$workbooks" -v lines="$lines" \
    -v small_s="$small_seconds" -v small_kib="$small_kib" \
    -v big_s="$big_seconds" -v big_kib="$big_kib" -v big_sheets="$big_sheets" \
    -v big_bytes="$big_bytes" -v floor_s="$floor_seconds" -v floor_kib="$floor_kib" '
  function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "n/a" }
  BEGIN {
    n = split(many, m, " ")
    printf "100 clients    %d usage lines over a quarter, %d workbooks a run\n", usage, workbooks
    for (i = 1; i <= n; i++)
      printf "run %d          %.2f s\n", i, m[i]
    printf "workbooks      %-20s target < 10 s for 100\n", sprintf("%.2f s (median)", many_median)
    printf "               %.1f ms a workbook, peak memory %.1f MiB\n",
           (workbooks > 0 ? 1000 * many_median / workbooks : 0), many_kib / 1024
    printf "lines          %d rows: %.2f s, %.0f rows/s, %d sheets, %.1f MiB\n",
           lines, big_s, (big_s > 0 ? lines / big_s : 0), big_sheets, big_bytes / 1048576
    printf "floor          bare libxlsxwriter, %d rows: %.2f s, peak %.1f MiB\n",
           lines, floor_s, floor_kib / 1024
    printf "lines/floor    %s\n", ratio(big_s, floor_s)
    printf "peak memory    %.1f MiB at %d rows, %.1f MiB at %d rows   target: constant\n",
           small_kib / 1024, lines / 10, big_kib / 1024, lines
  }'
