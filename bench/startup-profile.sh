#!/usr/bin/env bash
# Where does Kerberus's start-up time go? One cold start (fresh directory, so migrations run) with class-load, GC and
# start-up logging, read back as a timeline: milestones (the app's log lines and the first class of each big library,
# in JVM uptime), class loads per 250 ms by package, where classes came from (CDS archive or jar), and GC pauses.
#
#   bench/startup-profile.sh [--java-opts "OPTS"] [--bucket MS]
#
# --java-opts replaces the launcher's default flags (as bench/startup.sh does); the logging slows the start a little,
# so read the shares, not the total. Files go to bench/out/profile/ (ignored by git).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/profile"
BUCKET=250
OPTS_GIVEN=0
OPTS=""
fail() { printf 'startup-profile.sh: error: %s\n' "$*" >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --java-opts) OPTS_GIVEN=1; OPTS="${2?--java-opts needs a value}"; shift 2 ;;
    --bucket) BUCKET="${2:?--bucket needs milliseconds}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option: $1" ;;
  esac
done
[[ "$BUCKET" =~ ^[1-9][0-9]*$ ]] || fail "--bucket must be a positive number of milliseconds"

config=$("$ROOT/bench/startup.sh" --print-config) || fail "bench/startup.sh --print-config failed"
JAVA=$(sed -n 's/^JAVA=//p' <<<"$config")
JAR=$(sed -n 's/^JAR=//p' <<<"$config")
FIXED=$(sed -n 's/^LAUNCHER_FIXED_OPTS=//p' <<<"$config")
[ "$OPTS_GIVEN" = 1 ] || OPTS=$(sed -n 's/^LAUNCHER_DEFAULT_OPTS=//p' <<<"$config")
read -r -a OPTS_ARRAY <<<"$OPTS"
read -r -a FIXED_ARRAY <<<"$FIXED"

rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-profile.XXXXXX")
PID=""
trap 'if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi; rm -rf "$WORK"' EXIT
port=$((20000 + RANDOM % 30000))

t0=$EPOCHREALTIME
(cd "$WORK" && exec "$JAVA" "${OPTS_ARRAY[@]}" \
   "-Xlog:class+load=info:file=$OUT/class-load.txt:uptimemillis,timemillis" \
   "-Xlog:gc*=info,safepoint=info:file=$OUT/gc.txt:uptimemillis" \
   "-Xlog:startuptime=info:file=$OUT/jvm-startuptime.txt:uptimemillis" \
   "${FIXED_ARRAY[@]}" -jar "$JAR" start --port "$port") >"$OUT/app.log" 2>&1 &
PID=$!
for ((i = 0; i < 3000; i++)); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthcheck" || true)" = 200 ] && break
  kill -0 "$PID" 2>/dev/null || { cat "$OUT/app.log" >&2; fail "the app exited before /healthcheck answered"; }
  sleep 0.01
done
t1=$EPOCHREALTIME
grep -E '^(VmRSS|VmHWM|RssAnon|RssFile|Threads)' "/proc/$PID/status" >"$OUT/memory.txt" || true
kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""

first200=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 }')
echo "First 200 on /healthcheck after $first200 ms (with logging; flags: ${OPTS:-none} $FIXED)"
echo "Memory right after it: $(tr -s ' \t' ' ' <"$OUT/memory.txt" | tr '\n' ';' | sed 's/;$//')"
echo

# class-load.txt lines: [<epoch>ms][<uptime>ms] name source: where. Normalised to: uptime TAB name TAB where.
awk '{ split($1, d, /[][]+/); e = d[2]; u = d[3]; gsub(/ms/, "", e); gsub(/ms/, "", u); src = $0; sub(/^.* source: /, "", src)
       if (NR == 1) print e - u > "/dev/stderr"; printf "%d\t%s\t%s\n", u, $2, src }' "$OUT/class-load.txt" \
  >"$OUT/classes.tsv" 2>"$OUT/jvm-start-epoch-ms.txt"
jvm_start=$(cat "$OUT/jvm-start-epoch-ms.txt")
[[ "$jvm_start" =~ ^[0-9]+$ ]] || fail "cannot read the JVM's start time from $OUT/class-load.txt"
midnight=$(date -d "@$((jvm_start / 1000))" +'%s %H %M %S' | awk '{ print $1 - ($2 * 3600 + $3 * 60 + $4) }')   # local midnight, epoch s

echo "== Milestones (JVM uptime, ms)"
{
  # The app's log lines: HH:MM:SS.mmm LEVEL logger message
  awk -v start="$jvm_start" -v midnight="$midnight" '
    /^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9] / {
      split($1, t, /[:.]/); ms = midnight * 1000 + ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
      line = $0; sub(/^[^ ]+ +/, "", line); printf "%6d  log: %s\n", ms - start, substr(line, 1, 110)
    }' "$OUT/app.log"
  # The first class of each big library.
  for lib in io.kerberus.app.Main picocli. tools.jackson. org.snakeyaml. ch.qos.logback. com.sun.org.apache.xerces. \
             com.zaxxer.hikari. org.h2. org.jdbi. org.flywaydb. io.micrometer. io.prometheus. com.nimbusds. gg.jte. \
             io.javalin. kotlin. org.eclipse.jetty. io.kerberus.platform.http.HttpServer; do
    awk -F'\t' -v lib="$lib" 'index($2, lib) == 1 { n++; if (n == 1) first = $1; last = $1 }
      END { if (n) printf "%6d  first class of %s (%d classes, last at %d ms)\n", first, lib, n, last }' "$OUT/classes.tsv"
  done
  printf '%6d  first 200 on /healthcheck (measured outside, about)\n' "$(awk -v s="$jvm_start" -v t="$t1" 'BEGIN { printf "%d", t * 1000 - s }')"
} | sort -n
echo

echo "== Classes loaded: $(wc -l <"$OUT/class-load.txt"), by source"
awk -F'\t' '{ s = $3; if (s ~ /^file:.*\.jar$/) { sub(/.*\//, "", s); s = "jar " s } else if (s ~ /^jrt:/) s = "jrt (JDK, not archived)"
       else if (s !~ /shared objects file|__/) s = "defined by " s
       c[s]++ } END { for (k in c) printf "%7d  %s\n", c[k], k }' "$OUT/classes.tsv" | sort -rn | head -n 25
echo

echo "== Class loads per ${BUCKET} ms (top packages)"
awk -F'\t' -v b="$BUCKET" '{
    k = int($1 / b) * b
    n = split($2, p, "."); pk = (p[1] ~ /^(java|jdk|sun|javax)$/) ? p[1] : p[1] "." p[2]
    if ($2 ~ /^io\.kerberus\./) pk = p[1] "." p[2] "." p[3]
    c[k, pk]++; tot[k]++; if (!(pk in seen)) seen[pk] = 1
    keys[k] = 1
  } END {
    for (k in keys) {
      line = ""; m = 0
      for (pk in seen) if ((k, pk) in c) { row[++m] = c[k, pk] " " pk }
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) { split(row[i], a, " "); split(row[j], bb, " "); if (bb[1] + 0 > a[1] + 0) { t = row[i]; row[i] = row[j]; row[j] = t } }
      for (i = 1; i <= m && i <= 6; i++) { split(row[i], a, " "); line = line sprintf("%s=%s  ", a[2], a[1]) }
      printf "%6d ms %5d  %s\n", k, tot[k], line
    }
  }' "$OUT/classes.tsv" | sort -n
echo

echo "== GC pauses"
grep -E 'Pause' "$OUT/gc.txt" | sed -E 's/^\[([0-9]+)ms\]/\1 ms/' || echo "(none)"
echo
echo "Files: $OUT (class-load.txt, gc.txt, jvm-startuptime.txt, app.log)"
