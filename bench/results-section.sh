#!/usr/bin/env bash
# Replaces one section of bench/RESULTS.md, the file that several benchmarks share.
#
#   bench/results-section.sh "Startup" FILE
#
# FILE holds the new section, starting with its "## Startup" heading. Only the lines from "## Startup" up to the next
# "## " heading are replaced; the section is appended when it does not exist yet, and RESULTS.md is created with a
# short header when it does not exist.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: bench/results-section.sh NAME FILE" >&2; exit 2; }
name="$1"
section="$2"
results="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/RESULTS.md"
[ -f "$section" ] || { echo "results-section.sh: error: no file $section" >&2; exit 1; }
head -n 1 "$section" | grep -qxF "## $name" || { echo "results-section.sh: error: $section does not start with '## $name'" >&2; exit 1; }

if [ ! -f "$results" ]; then
  {
    echo "# Benchmark results"
    echo
    echo "Numbers are medians of several runs on the machine named in each section, produced by the scripts in bench/ (never in unit tests); rerun a script to refresh its section."
    echo
  } >"$results"
fi

tmp=$(mktemp "${TMPDIR:-/tmp}/results.XXXXXX")
trap 'rm -f "$tmp"' EXIT
awk -v section="$section" -v heading="## $name" '
  BEGIN { while ((getline line < section) > 0) text = text line "\n" }
  /^## / {
    inside = 0
    if (!done) { h = $0; sub(/[[:space:]]+$/, "", h); if (h == heading) { printf "%s", text; inside = 1; done = 1; next } }
  }
  !inside { print; last = $0 }
  END { if (!done) { if (NR > 0 && last != "") printf "\n"; printf "%s", text } }
' "$results" >"$tmp"
cat "$tmp" >"$results"
