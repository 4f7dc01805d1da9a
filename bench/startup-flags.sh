#!/usr/bin/env bash
# Compares JVM flag sets for Kerberus start-up: time to the first 200 on /healthcheck and RSS, with
# bench/startup.sh (direct mode: java run the way ./kerberus runs it, only the flags differ).
#
#   bench/startup-flags.sh [options]
#
# Before measuring it makes the archives the CDS and AOT variants need, each by a training run (start the app in a
# fresh directory, wait for /healthcheck, request a few pages, stop it with SIGTERM so that the JVM writes the archive
# at exit), under bench/out/flags/. The variants then run round-robin (variant 1, 2, ..., 1, 2, ...), so that a busy
# spell on a shared machine hits them all alike, and the table shows each one's median.
#
# Options:
#   -n, --rounds N       rounds, i.e. runs per variant (default 5)
#   --only A,B           only the variants with these numbers (see --list)
#   --list               list the variants and exit
#   --wait-idle PCT      passed to startup.sh: before each start, wait until other processes use under PCT % of the CPUs
#   --max-others PCT     passed to startup.sh: redo a start while other processes used over PCT % of the CPUs
#   --poll P             passed to startup.sh: curl (default) or tcp
#   --retrain            make the archives again even when they are newer than the jars
#   --no-results         do not write the "## Startup flags" section of bench/RESULTS.md
#   -h, --help           this text
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
OUT="$BENCH/out/flags"
ROUNDS=5
ONLY=""
LIST=0
WRITE_RESULTS=1
RETRAIN=0
PASS=()

say() { printf 'startup-flags.sh: %s\n' "$*" >&2; }
fail() { printf 'startup-flags.sh: error: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    -n|--rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    --only) ONLY=",${2:?--only needs variant numbers},"; shift 2 ;;
    --list) LIST=1; shift ;;
    --wait-idle) PASS+=(--wait-idle "${2:?--wait-idle needs a percentage}"); shift 2 ;;
    --max-others) PASS+=(--max-others "${2:?--max-others needs a percentage}"); shift 2 ;;
    --poll) PASS+=(--poll "${2:?--poll needs curl or tcp}"); shift 2 ;;
    --no-results) WRITE_RESULTS=0; shift ;;
    --retrain) RETRAIN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option: $1" ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || fail "--rounds must be a positive number, not '$ROUNDS'"

# The launcher's java, flags and jar, as startup.sh reads them from ./kerberus (building the jar if needed).
config=$("$BENCH/startup.sh" --print-config)   # builds the jar if needed; the runs below use --no-build || fail "bench/startup.sh --print-config failed"
JAVA=$(sed -n 's/^JAVA=//p' <<<"$config")
JAR=$(sed -n 's/^JAR=//p' <<<"$config")
L=$(sed -n 's/^LAUNCHER_DEFAULT_OPTS=//p' <<<"$config")
FIXED=$(sed -n 's/^LAUNCHER_FIXED_OPTS=//p' <<<"$config")
[ -x "$JAVA" ] && [ -f "$JAR" ] || fail "cannot read the java and the jar from bench/startup.sh --print-config: $config"
read -r -a FIXED_ARRAY <<<"$FIXED"

mkdir -p "$OUT"
CDS="$OUT/app-launcher-flags.jsa"
AOT_L="$OUT/app-launcher-flags.aot"
AOT_S="$OUT/app-serial-c2.aot"
AOT_D="$OUT/app-jvm-defaults.aot"

# number|label|flags|archive it needs (made by the training run with the flags in the 5th field)|training flags
VARIANTS=(
  "1|JVM defaults (no flags: G1, full tiered)||"
  "2|launcher flags (the current default)|$L|"
  "3|-XX:+UseSerialGC only|-XX:+UseSerialGC|"
  "4|-XX:TieredStopAtLevel=1 only|-XX:TieredStopAtLevel=1|"
  "5|launcher flags, -Xshare:off (no CDS at all)|$L -Xshare:off|"
  "6|launcher flags + -XX:MetaspaceSize=128m (no 'Metadata GC Threshold' full GCs)|$L -XX:MetaspaceSize=128m|"
  "7|launcher flags + AppCDS (dynamic archive)|$L -XX:SharedArchiveFile=$CDS|$CDS|$L -XX:ArchiveClassesAtExit=$CDS"
  "8|launcher flags + AOT cache|$L -XX:AOTCache=$AOT_L|$AOT_L|$L -XX:AOTCacheOutput=$AOT_L"
  "9|SerialGC, full tiered (C2) + AOT cache|-XX:+UseSerialGC -Xss512k -XX:AOTCache=$AOT_S|$AOT_S|-XX:+UseSerialGC -Xss512k -XX:AOTCacheOutput=$AOT_S"
  "10|JVM defaults + AOT cache|-XX:AOTCache=$AOT_D|$AOT_D|-XX:AOTCacheOutput=$AOT_D"
  "11|launcher flags + AOT cache + -XX:MetaspaceSize=128m|$L -XX:MetaspaceSize=128m -XX:AOTCache=$AOT_L|$AOT_L|$L -XX:AOTCacheOutput=$AOT_L"
)

selected=()
for v in "${VARIANTS[@]}"; do
  n=${v%%|*}
  if [ -z "$ONLY" ] || [[ "$ONLY" == *",$n,"* ]]; then selected+=("$v"); fi
done
[ "${#selected[@]}" -gt 0 ] || fail "--only selected no variant (see --list)"
if [ "$LIST" = 1 ]; then
  for v in "${VARIANTS[@]}"; do IFS='|' read -r n label flags _ <<<"$v"; printf '%2s  %-60s %s\n' "$n" "$label" "${flags:-(none)}"; done
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-flags.XXXXXX")
APP_PID=""
# On any exit: stop a training run (it writes only a *.partial archive) and remove the temporary directory.
# A signal stops this script after the start that bench/startup.sh is measuring (a few seconds).
cleanup() {
  if [ -n "$APP_PID" ]; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
  fi
  rm -f "$OUT"/*.partial "$OUT"/*.partial.config
  rm -rf "$WORK"
}
on_signal() { trap '' INT TERM; trap - EXIT; say "interrupted; cleaning up"; cleanup; exit "$1"; }
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

free_port() {   # like bench/startup.sh: below the kernel's range for outgoing connections
  local port i low=32768
  [ -r /proc/sys/net/ipv4/ip_local_port_range ] && read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  [ "$low" -gt 12000 ] || low=60000
  for ((i = 0; i < 100; i++)); do
    port=$((10000 + RANDOM % (low - 11000)))
    [ -n "$(ss -Htan "sport = :$port" 2>/dev/null)" ] || { echo "$port"; return 0; }
  done
  fail "no free port found"
}

# train ARCHIVE FLAGS: one training run that writes ARCHIVE at exit. It writes to a temporary name first and renames
# only a checked archive, because a JVM stopped early (Ctrl+C) writes a valid but incomplete archive too.
train() {
  local archive="$1" final_flags="$2" dir port i log t0 partial="$1.partial" flags
  local -a flag_array
  flags="${final_flags//$archive/$partial}"
  read -r -a flag_array <<<"$flags"
  dir="$WORK/train-$(basename "$archive")"
  log="$OUT/train-$(basename "$archive").log"
  port=$(free_port)
  rm -f "$archive" "$partial"
  mkdir -p "$dir"
  say "training run for $(basename "$archive") (flags: $flags)..."
  t0=$SECONDS
  (cd "$dir" && exec "$JAVA" "${flag_array[@]}" "${FIXED_ARRAY[@]}" -jar "$JAR" start --port "$port") >"$log" 2>&1 &
  APP_PID=$!
  for ((i = 0; i < 600; i++)); do
    curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$port/healthcheck" && break
    kill -0 "$APP_PID" 2>/dev/null || { APP_PID=""; tail -n 20 "$log" >&2; fail "the training run for $archive exited early; log: $log"; }
    sleep 0.1
  done
  [ "$i" -lt 600 ] || fail "the training run for $archive did not answer /healthcheck within 60 s; log: $log"
  # A little traffic, so that the request path's classes are loaded (and profiled) too.
  for path in / /healthcheck /.backstage/health/v1/readiness /settings /static/platform/kerberus.css /static/platform/kerberus.js \
              /api/auth/.well-known/jwks.json /metrics /no-such-page; do
    curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$port$path" || true
  done
  kill -TERM "$APP_PID"
  for ((i = 0; i < 1200; i++)); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done   # writing an AOT cache takes a while
  if kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID"; fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  [ -s "$partial" ] || { tail -n 20 "$log" >&2; fail "the training run did not write $partial; log: $log"; }
  mv "$partial" "$archive"
  say "  wrote $(basename "$archive") ($(du -m "$archive" | cut -f1) MiB) in $((SECONDS - t0)) s"
  # Check that the JVM accepts it: -Xshare:on / -XX:AOTMode=on make a JVM that cannot use the archive fail instead
  # of quietly running without it. 'kerberus --version' has the same class path and exits at once.
  local use="${final_flags//-XX:ArchiveClassesAtExit=/-XX:SharedArchiveFile=}" strict
  use="${use//-XX:AOTCacheOutput=/-XX:AOTCache=}"
  [[ "$use" == *AOTCache=* ]] && strict=-XX:AOTMode=on || strict=-Xshare:on
  read -r -a flag_array <<<"$use $strict"
  if ! "$JAVA" "${flag_array[@]}" "${FIXED_ARRAY[@]}" -jar "$JAR" --version >"$log.check" 2>&1; then
    cat "$log.check" >&2
    fail "the JVM cannot use $archive (flags: $use $strict)"
  fi
}

# An archive is reused while it is newer than the app jar and every jar in lib/ (any change there invalidates it).
archive_fresh() {
  [ -s "$1" ] && [ "$1" -nt "$JAR" ] || return 1
  [ -z "$(find "$(dirname "$JAR")/lib" -name '*.jar' -newer "$1" -print -quit)" ]
}
declare -A trained
for v in "${selected[@]}"; do
  IFS='|' read -r n label flags archive training <<<"$v"
  if [ -n "$archive" ] && [ -z "${trained[$archive]:-}" ]; then
    if [ "$RETRAIN" = 1 ] || ! archive_fresh "$archive"; then
      train "$archive" "$training"
    else
      say "reusing $(basename "$archive") (newer than the jars; --retrain makes it again)"
    fi
    trained[$archive]=1
  fi
done

# The runs must use the very jar the archives were made from: a rebuilt jar invalidates them, and the JVM then runs
# without them (after a warning), which would make those variants look like the ones without archives.
jar_stamp() { stat -c '%Y %s' "$JAR" "$(dirname "$JAR")"/lib/*.jar | md5sum | cut -c1-32; }
JAR_STAMP=$(jar_stamp)

RAW="$OUT/raw.tsv"
: >"$RAW"
say "warm-up start (page cache)..."
"$BENCH/startup.sh" -n 1 --warmup 0 --mode direct --no-build --no-results "${PASS[@]}" >/dev/null 2>&1 || fail "bench/startup.sh failed; run it alone to see why"
for ((r = 1; r <= ROUNDS; r++)); do
  for v in "${selected[@]}"; do
    IFS='|' read -r n label flags archive training <<<"$v"
    [ "$(jar_stamp)" = "$JAR_STAMP" ] || fail "the app jar or a jar in lib/ changed during the measurements (a build ran?); the archives are stale, run again"
    if ! "$BENCH/startup.sh" -n 1 --warmup 0 --mode direct --no-build --no-results --java-opts "$flags" --label "$n" --raw "$RAW" "${PASS[@]}" \
        >"$OUT/run.log" 2>&1; then
      cat "$OUT/run.log" >&2
      fail "variant $n ($label) failed"
    fi
    line=$(grep -E '^direct +run' "$OUT/run.log" | sed -E 's/^direct +run 1\/1: //; s/  +/ /g')
    printf 'round %d/%d  %2s  %s\n' "$r" "$ROUNDS" "$n" "$line" >&2
  done
done

# ---------------------------------------------------------------------------------------------------
# Table: per variant, the median (min-max) of the cold and the warm-data starts, and the median RSS / HWM of the cold ones.

table=$(mktemp "$WORK/table.XXXXXX")
{
  echo "| # | flags | cold median (min-max) | warm data median (min-max) | RSS cold | HWM cold | RSS warm |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  for v in "${selected[@]}"; do
    IFS='|' read -r n label flags archive training <<<"$v"
    awk -F'\t' -v n="$n" -v label="$label" -v flags="${flags:-none}" '
      function med(a, k,   i, j, t) {
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
      }
      $1 == n && $3 == "cold" { c[++nc] = $4; cr[nc] = $5; ch[nc] = $6 }
      $1 == n && $3 == "warm" { w[++nw] = $4; wr[nw] = $5 }
      END {
        if (nc == 0) exit
        mc = med(c, nc); mw = med(w, nw); mcr = med(cr, nc); mch = med(ch, nc); mwr = med(wr, nw)   # med() sorts in place
        printf "| %s | %s | %d ms (%d-%d) | %d ms (%d-%d) | %.0f MiB | %.0f MiB | %.0f MiB |\n", n, label,
          mc + 0.5, c[1], c[nc], mw + 0.5, w[1], w[nw], mcr / 1024, mch / 1024, mwr / 1024
      }' "$RAW"
  done
} >"$table"

busy=$(awk -F'\t' '{print $7}' "$RAW" | sort -n | awk '{v[NR] = $1} END {if (NR) printf "%d%% (median; max %d%%)", v[int((NR + 1) / 2)], v[NR]}')
echo
cat "$table"
echo
echo "Raw runs: $RAW; training logs: $OUT/train-*.log; other processes' share of the CPUs during the starts: $busy"

[ "$WRITE_RESULTS" = 1 ] || exit 0
section=$(mktemp "$WORK/section.XXXXXX")
{
  echo "## Startup flags"
  echo
  echo "Measured by \`bench/startup-flags.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') ($(nproc) cores, $(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo), $("$JAVA" -version 2>&1 | sed -n 's/.*Runtime Environment //p' | head -n 1))."
  echo "Java run like \`./kerberus\` runs it (\`java FLAGS ${FIXED} -jar app/kerberus-app/target/kerberus-app.jar start\`), only FLAGS"
  echo "differ; $ROUNDS rounds, the variants round-robin; time = spawn to the first 200 on /healthcheck; RSS/HWM right after it."
  echo "CDS/AOT archives come from one training run each (start, a few requests, SIGTERM) with the same flags and jar."
  echo "Other processes (not the app, not the curl polls) used $busy of the CPUs during the starts."
  echo
  cat "$table"
  echo
} >"$section"
"$BENCH/results-section.sh" "Startup flags" "$section"
say "wrote the Startup flags section of bench/RESULTS.md"
