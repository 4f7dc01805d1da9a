#!/usr/bin/env bash
# TechDocs benchmark: Kerberus' `techdocs build` against MkDocs (Debian's package; also with the Material theme
# when Debian has mkdocs-material) on one synthetic mkdocs project of N pages (bench/techdocs/generate.py).
#
#   bench/techdocs/run.sh [N] [RUNS]        defaults: 500 pages, 5 builds of each variant
#
# Full builds: every variant builds the same source RUNS times into a fresh output folder, round-robin (one
# untimed warm-up each first); the time is the whole command, process start to exit (JVM start-up included
# for Kerberus), with `sync` before each run so one build's write-back does not land in the next; also its CPU time
# (user + sys, with children). Kerberus' own "in X ms" is reported too. Rebuild after one page changed: a second CLI build into the same output
# folder (Kerberus and MkDocs), and `kerberus techdocs serve`, which rebuilds in a warm JVM when a file
# changes: time from writing the page to its "Built N pages in X ms" line (with its default 500 ms polling
# and with --poll 50), and that X. MkDocs rebuilds incrementally only under `mkdocs serve --dirtyreload`,
# which is not measured here.
#
# Writes the "## TechDocs" section of bench/RESULTS.md. Targets: full build at least 10x faster than MkDocs
# (wall time) and a rebuild after one page changed in under 1 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-500}"
RUNS="${2:-5}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-techdocs-bench.XXXXXX")
SERVE_PID=""
cleanup() {
  if [ -n "$SERVE_PID" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
say() { printf 'techdocs-bench: %s\n' "$*" >&2; }
now_ns() { date +%s%N; }

# --- MkDocs (and Material) from Debian -------------------------------------------------------------
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing $*..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
  else
    return 1
  fi
}
command -v mkdocs >/dev/null 2>&1 || apt_install mkdocs || { say "needs MkDocs: sudo apt-get install mkdocs"; exit 1; }
if ! dpkg -s mkdocs-material >/dev/null 2>&1 && apt-cache show mkdocs-material >/dev/null 2>&1; then
  apt_install mkdocs-material || say "mkdocs-material is not installed (not root); measuring MkDocs' default theme only"
fi
themes=(mkdocs)
dpkg -s mkdocs-material >/dev/null 2>&1 && themes+=(material)
# the interpreter MkDocs runs on (Debian's python3, not necessarily the python3 on PATH)
mkdocs_python=$(head -n 1 "$(command -v mkdocs)" | sed 's/^#! *//; s/ .*//')
[ -x "$mkdocs_python" ] || mkdocs_python=python3
fences=fenced_code
"$mkdocs_python" -c 'import pymdownx' 2>/dev/null && fences=superfences

# --- Kerberus ----------------------------------------------------------------------------------------
"$ROOT/kerberus" build >/dev/null 2>&1 || { say "the build failed: run ./kerberus build"; exit 1; }
JAVA_HOME=$("$ROOT/kerberus" java-home)

site="$WORK/site"
python3 "$ROOT/bench/techdocs/generate.py" "$N" "$site" --fences "$fences" >&2
pages=$((N + 1))

# variant names and their commands; OUT is replaced by the output folder
# kerberus-noaot: the same without the launcher's JVM AOT cache for the techdocs commands
variants=(kerberus kerberus-noaot)
for t in "${themes[@]}"; do variants+=("mkdocs-$t"); done
build_cmd() { # variant out
  case "$1" in
    kerberus) "$ROOT/kerberus" techdocs build --source-dir "$site" --output-dir "$2" -q ;;
    kerberus-noaot) KERBERUS_AOT=off "$ROOT/kerberus" techdocs build --source-dir "$site" --output-dir "$2" -q ;;
    mkdocs-*) (cd "$site" && mkdocs build -q -t "${1#mkdocs-}" -d "$2") ;;
  esac
}

# one timed build: prints "wall_ms inprocess_ms cpu_ms" (inprocess "-" for MkDocs); cpu = user + sys of the command and its
# children, less sensitive to other load on the machine than the wall time
timed_build() { # variant out
  local log="$WORK/build.log" start end rc=0 TIMEFORMAT='%3U %3S'
  sync
  start=$(now_ns)
  { time build_cmd "$1" "$2" >"$log" 2>&1 || rc=$?; } 2>"$WORK/cpu.txt"
  end=$(now_ns)
  [ "$rc" = 0 ] || { cat "$log" >&2; say "$1 failed"; exit 1; }
  local inproc="-"
  [[ "$1" = kerberus* ]] && inproc=$(sed -n 's/^Built [0-9]* pages into .* in \([0-9]*\) ms.*/\1/p' "$log")
  echo "$(( (end - start) / 1000000 )) $inproc $(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/cpu.txt")"
}

stats() { # numbers... -> "median min max"
  printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d %d", m, a[1], a[NR]}'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }

say "warm-up: one untimed build of each of ${variants[*]}"
for v in "${variants[@]}"; do build_cmd "$v" "$WORK/warmup-$v" >/dev/null 2>&1 || { say "$v failed on the generated site"; build_cmd "$v" "$WORK/warmup-$v"; exit 1; }; done
# the source must build without warnings in every tool, so that they build the same thing
(cd "$site" && mkdocs build --strict -q -d "$WORK/strict-check") || { say "MkDocs reports warnings on the generated site"; exit 1; }
"$ROOT/kerberus" techdocs build --source-dir "$site" --output-dir "$WORK/strict-check-kerberus" -q --strict >/dev/null \
  || { say "Kerberus reports warnings on the generated site"; exit 1; }
# what each tool writes: MB in how many files
site_size() { find "$1" -type f -printf '%s\n' | awk '{s += $1; n++} END {printf "%.1f MB in %d files", s / 1048576, n}'; }
size_kerberus=$(site_size "$WORK/warmup-kerberus")
size_mkdocs=$(site_size "$WORK/warmup-mkdocs-mkdocs")
rm -rf "$WORK"/warmup-* "$WORK"/strict-check*; sync

declare -A wall inproc cpu
for v in "${variants[@]}"; do wall[$v]=""; inproc[$v]=""; cpu[$v]=""; done
read -r busy0 total0 <<<"$(cpu_busy)"
for round in $(seq 1 "$RUNS"); do
  for v in "${variants[@]}"; do
    read -r w i c <<<"$(timed_build "$v" "$WORK/out-$v-$round")"
    [ -n "$w" ] || exit 1
    wall[$v]+="$w "; cpu[$v]+="$c "; [ "$i" != - ] && inproc[$v]+="$i "
    say "round $round: $v ${w} ms, CPU $c ms$([ "$i" != - ] && echo " (in-process $i ms)")"
  done
  rm -rf "$WORK"/out-*-"$round"
done
read -r busy1 total1 <<<"$(cpu_busy)"

# --- rebuild after one page changed ------------------------------------------------------------------
changed="$site/docs/section-05/page-$(printf %03d $(( N < 100 ? N : 100 ))).md"
[ -f "$changed" ] || changed=$(find "$site/docs" -name 'page-*.md' | sort | head -n 1)
edit=0
touch_page() { edit=$((edit + 1)); printf '\nEdited for the benchmark, change %d.\n' "$edit" >>"$changed"; }

declare -A rewall reinproc
for v in "${variants[@]}"; do
  rewall[$v]=""; reinproc[$v]=""
  out="$WORK/re-$v"
  build_cmd "$v" "$out" >/dev/null 2>&1
  for round in $(seq 1 "$RUNS"); do
    touch_page
    read -r w i _ <<<"$(timed_build "$v" "$out")"
    [ -n "$w" ] || exit 1
    rewall[$v]+="$w "; [ "$i" != - ] && reinproc[$v]+="$i "
    say "rebuild $round: $v ${w} ms$([ "$i" != - ] && echo " (in-process $i ms)")"
  done
  rm -rf "$out"; sync
done

# kerberus techdocs serve: write the page, wait for the next "Built N pages in X ms" on stderr
serve_rebuild() { # poll_ms result_file; writes lines "wall_ms built_ms"
  local log="$WORK/serve.log"
  : >"$log"
  "$ROOT/kerberus" techdocs serve --source-dir "$site" --port 0 --poll "$1" >"$WORK/serve.out" 2>"$log" &
  SERVE_PID=$!
  python3 - "$log" "$changed" "$RUNS" "$SERVE_PID" >"$2" <<'PY'
import os, re, sys, time
log, page, runs, pid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
built = re.compile(r"^Built \d+ pages in (\d+) ms", re.M)

def lines():
    with open(log) as f:
        return built.findall(f.read())

def wait_for(count, limit=120):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        found = lines()
        if len(found) >= count:
            return found
        try:
            os.kill(pid, 0)
        except OSError:
            sys.exit("serve died:\n" + open(log).read())
        time.sleep(0.002)
    sys.exit("no rebuild after %d s:\n%s" % (limit, open(log).read()))

wait_for(1)
time.sleep(1.5)
for i in range(runs):
    before = len(lines())
    with open(page, "a") as f:
        f.write("\nEdited under serve, change %d.\n" % i)
    start = time.monotonic()
    found = wait_for(before + 1)
    print(round((time.monotonic() - start) * 1000), found[before], flush=True)
    time.sleep(1.5)
PY
  kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""
}
declare -A servewall servebuilt
for poll in 500 50; do
  say "kerberus techdocs serve --poll $poll: $RUNS edits"
  serve_rebuild "$poll" "$WORK/serve-$poll.txt"
  res=$(cat "$WORK/serve-$poll.txt")
  echo "$res" | sed 's/^/  write-to-line ms, build ms: /' >&2
  servewall[$poll]=$(awk '{print $1}' <<<"$res" | tr '\n' ' ')
  servebuilt[$poll]=$(awk '{print $2}' <<<"$res" | tr '\n' ' ')
done

# --- report ------------------------------------------------------------------------------------------
cell() { read -r m lo hi <<<"$(stats $1)"; echo "$m ms ($lo-$hi)"; }
median() { read -r m _ _ <<<"$(stats $1)"; echo "$m"; }
k_wall=$(median "${wall[kerberus]}")
rows=()
rows+=("| Kerberus \`techdocs build\` (CLI, cold JVM) | $(cell "${wall[kerberus]}") | $(cell "${cpu[kerberus]}") | $(cell "${inproc[kerberus]}") | $(cell "${rewall[kerberus]}") | - |")
rows+=("| Kerberus \`techdocs build\`, \`KERBERUS_AOT=off\` (no AOT cache) | $(cell "${wall[kerberus-noaot]}") | $(cell "${cpu[kerberus-noaot]}") | $(cell "${inproc[kerberus-noaot]}") | $(cell "${rewall[kerberus-noaot]}") | - |")
ratios=()
for t in "${themes[@]}"; do
  v="mkdocs-$t"
  rows+=("| MkDocs \`mkdocs build -t $t\` | $(cell "${wall[$v]}") | $(cell "${cpu[$v]}") | - | $(cell "${rewall[$v]}") | $(awk -v a="$(median "${wall[$v]}")" -v b="$k_wall" 'BEGIN {printf "%.1fx", a / b}') |")
  ratios+=("$(awk -v a="$(median "${wall[$v]}")" -v b="$k_wall" 'BEGIN {printf "%.1f", a / b}')")
done
for poll in 500 50; do
  rows+=("| Kerberus \`techdocs serve --poll $poll\` (warm JVM) | - | - | - | $(cell "${servewall[$poll]}") (build $(cell "${servebuilt[$poll]}")) | - |")
done
min_ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | head -n 1)
fast=$(awk -v r="$min_ratio" 'BEGIN {print (r >= 10) ? "met" : "not met"}')
serve_med=$(median "${servewall[500]}")
cli_re=$(median "${rewall[kerberus]}")
rebuild=$(awk -v s="$serve_med" 'BEGIN {print (s < 1000) ? "met" : "not met"}')
cli_rebuild=$(awk -v s="$cli_re" 'BEGIN {print (s < 1000) ? "met" : "not met"}')
other=$(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" 'BEGIN {printf "%d", t ? 100 * b / t : 0}')
md_kb=$(find "$site/docs" -name '*.md' -printf '%s\n' | awk '{s += $1} END {printf "%d", s / 1024}')

section="$WORK/section.md"
{
  echo "## TechDocs"
  echo
  echo "Measured by \`bench/techdocs/run.sh $N $RUNS\` on $(date -u '+%Y-%m-%d %H:%M UTC'): one synthetic mkdocs project"
  echo "(\`bench/techdocs/generate.py\`: $pages pages, $md_kb KB of Markdown, nav of sections of 20 pages in parts of 5; headings, lists,"
  echo "a table, a code block, an admonition, relative links, a few PNGs; extensions admonition, tables, toc with permalinks, $fences)"
  echo "built by each tool; the same source builds without warnings in both (\`--strict\`). Full build = the whole command from"
  echo "spawn to exit into a fresh folder (JVM start-up included), $RUNS runs each, round-robin, \`sync\` before each; CPU = user + sys"
  echo "time of the command and its children (less sensitive than wall time to other load on the machine); in-process ="
  echo "Kerberus' own \"Built N pages ... in X ms\". Rebuild = one page changed, then: the same CLI build again into the same folder"
  echo "(MkDocs has no incremental build outside \`mkdocs serve --dirtyreload\`, not measured); for \`kerberus techdocs serve\`"
  echo "(warm JVM, full rebuild on change) from writing the page to its \"Built N pages in X ms\" line, which includes up to one"
  echo "polling interval (default 500 ms) of waiting. Kerberus runs through \`./kerberus\`, with the JVM AOT cache the launcher"
  echo "trains for the techdocs commands (on the plugin's test corpus, in \`./kerberus build\`) and, for comparison, without it"
  echo "(\`KERBERUS_AOT=off\`). Median (min-max)."
  echo
  echo "- Output: Kerberus $size_kerberus, MkDocs (default theme) $size_mkdocs"
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, output on $(df --output=fstype "$WORK" | tail -n 1); load average before $load_before; all processes together used ${other}% of the CPUs during the full builds"
  echo "- Versions: $(mkdocs --version 2>&1 | sed 's/ from .*//'), mkdocs-material $(dpkg-query -W -f='${Version}' mkdocs-material 2>/dev/null || echo 'not installed'), Python-Markdown $("$mkdocs_python" -c 'import markdown; print(markdown.__version__)' 2>/dev/null), pymdown-extensions $("$mkdocs_python" -c 'import pymdownx; print(pymdownx.__version__)' 2>/dev/null || echo 'not installed'); $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) ($JAVA_HOME), launcher flags \`${KERBERUS_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}\`"
  echo "- Targets: full build at least 10x faster than MkDocs: **$fast** (${min_ratio}x: the smaller of the MkDocs variants' ratios);"
  echo "  rebuild after one page changed under 1 s: **$rebuild** with \`techdocs serve\` (median $serve_med ms), **$cli_rebuild** with the CLI (median $cli_re ms)."
  echo
  echo "| tool | full build, wall | full build, CPU (user+sys) | full build, in-process | rebuild after one page changed | MkDocs / Kerberus (wall) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
} >"$section"
cat "$section"
"$ROOT/bench/results-section.sh" "TechDocs" "$section"
