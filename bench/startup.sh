#!/usr/bin/env bash
# Start-up benchmark: time from `./kerberus start` to the first 200 on /healthcheck, and the RSS of the
# JVM right after (VmRSS; VmHWM is the peak). Cold = a fresh working directory, so H2 creates the
# database and runs every migration; warm = a second start on the data a previous run left.
#
#   bench/startup.sh [RUNS]        default 5 runs per variant; writes "## Startup" in bench/RESULTS.md
#
# Targets (issue #2): under 2 s to the first 200 and under 250 MB RSS with every platform part loaded.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-startup.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

say() { printf 'startup: %s\n' "$*" >&2; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# One start in directory $1: prints "<ms> <rss kB> <hwm kB>".
measure() {
  local dir="$1" port start end status
  port=$(free_port)
  start=$(date +%s%N)
  (cd "$dir" && exec "$ROOT/kerberus" start --port "$port") >"$dir/start.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthcheck"; do
    kill -0 "$PID" 2>/dev/null || { cat "$dir/start.log" >&2; echo "startup: the app died" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 30000 ] || { echo "startup: no 200 within 30 s" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  status="/proc/$PID/status"
  echo "$(( (end - start) / 1000000 )) $(awk '/VmRSS/ {print $2}' "$status") $(awk '/VmHWM/ {print $2}' "$status")"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
column_of() { awk -v c="$1" '{print $c}'; }

say "building (and preparing the AOT cache) if needed..."
"$ROOT/kerberus" build >/dev/null 2>&1 || { say "the build failed: run ./kerberus build"; exit 1; }
measure "$(mktemp -d "$WORK/warmup.XXXX")" >/dev/null

: >"$WORK/cold" ; : >"$WORK/warm"
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d "$WORK/run.XXXX")
  measure "$dir" >>"$WORK/cold"
  measure "$dir" >>"$WORK/warm"
  say "run $i: cold $(tail -n 1 "$WORK/cold" | cut -d' ' -f1) ms, warm $(tail -n 1 "$WORK/warm" | cut -d' ' -f1) ms"
done

row() {
  local name="$1" file="$2" ms rss hwm
  ms=$(column_of 1 <"$file" | median); rss=$(( $(column_of 2 <"$file" | median) / 1024 )); hwm=$(( $(column_of 3 <"$file" | median) / 1024 ))
  local verdict="time $([ "$ms" -lt 2000 ] && echo ok || echo OVER), RSS $([ "$rss" -lt 250 ] && echo ok || echo OVER)"
  echo "| $name | $ms ms | $(column_of 1 <"$file" | sort -n | head -n 1) ms | $(column_of 1 <"$file" | sort -n | tail -n 1) ms | $rss MiB | $hwm MiB | $verdict |"
}

java_home=$("$ROOT/kerberus" java-home)
section="$WORK/section.md"
{
  echo "## Startup"
  echo
  echo "Measured by \`bench/startup.sh $RUNS\` on $(date -u '+%Y-%m-%d %H:%M UTC'): \`./kerberus start\` (demo config, plugins bundled in the app,"
  echo "JVM AOT cache prepared by \`./kerberus build\`) from spawning to the first 200 on \`/healthcheck\`, median of $RUNS runs; RSS = VmRSS"
  echo "right after that 200, HWM = peak RSS. Cold = fresh working directory (H2 created, all migrations run); warm = second start on it."
  echo
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- JDK: $("$java_home/bin/java" -version 2>&1 | head -n 1) ($java_home); launcher flags \`${KERBERUS_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}\` + AOT cache"
  echo "- Targets: first 200 in under 2000 ms, RSS under 250 MiB."
  echo
  echo "| variant | median | min | max | RSS median | HWM median | targets |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  row "cold (empty data dir)" "$WORK/cold"
  row "warm (existing data dir)" "$WORK/warm"
} >"$section"
cat "$section"
"$ROOT/bench/results-section.sh" "Startup" "$section"
