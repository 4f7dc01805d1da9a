#!/usr/bin/env bash
# Catalog benchmark: ingest a synthetic catalog of N entities from a file location, then measure
# queries. For each N and database: time from start until all N entities are processed and served
# (with their relations), peak RSS, live heap after a full GC, and p50/p99 of three endpoints.
#
#   bench/catalog/run.sh [N...]          default: 10000 100000; both H2 and PostgreSQL (127.0.0.1:5432, database test)
#
# Writes the "## Catalog" section of bench/RESULTS.md. Targets (issue #3): 100k processed in under
# 60 s; by-query p99 under 10 ms and facets p99 under 20 ms at 100k; heap under 1 GB.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-catalog-bench.XXXXXX")
TOKEN=bench-token-0123456789
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
say() { printf 'catalog-bench: %s\n' "$*" >&2; }

"$ROOT/kerberus" build >/dev/null 2>&1 || { say "the build failed: run ./kerberus build"; exit 1; }
JAVA_HOME=$("$ROOT/kerberus" java-home)
rows=()

for n in "${SIZES[@]}"; do
  catalog="$WORK/catalog-$n"
  python3 "$ROOT/bench/catalog/generate.py" "$n" "$catalog" >/dev/null
  for db in h2 pg; do
    dir="$WORK/run-$n-$db"; mkdir -p "$dir"
    port=$((20000 + RANDOM % 20000))
    schema="bench_$RANDOM"
    {
      echo "backend:"
      echo "  listen: {port: $port}"
      echo "  logger: {level: warn}"
      echo "  auth: {externalAccess: [{type: static, options: {token: $TOKEN, subject: bench}}]}"
      if [ "$db" = pg ]; then
        echo "  database: {client: pg, schema: $schema, connection: {host: 127.0.0.1, port: 5432, user: postgres, database: test}}"
      fi
      echo "catalog:"
      echo "  fileRoots: ['$catalog']"
      echo "  rules: [{allow: ['*']}]"
      echo "  locations: [{type: file, target: '$catalog/all.yaml'}]"
    } >"$dir/app-config.yaml"
    say "N=$n on $db: starting..."
    start=$(date +%s%N)
    (cd "$dir" && exec "$ROOT/kerberus" start) >"$dir/start.log" 2>&1 &
    PID=$!
    expected=$((n + 2))
    total=0
    until [ "$total" -ge "$expected" ]; do
      sleep 0.25
      kill -0 "$PID" 2>/dev/null || { cat "$dir/start.log" >&2; say "the app died"; exit 1; }
      total=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/catalog/entities/by-query?limit=0" 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' 2>/dev/null || echo 0)
      [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 900 ] || { say "not done after 15 minutes"; exit 1; }
    done
    seconds=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN {printf "%.1f", ns / 1e9}')
    hwm=$(( $(awk '/VmHWM/ {print $2}' "/proc/$PID/status") / 1024 ))
    "$JAVA_HOME/bin/jcmd" "$PID" GC.run >/dev/null
    heap=$("$JAVA_HOME/bin/jcmd" "$PID" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); s += v}} END {printf "%d", s / 1024}')
    latency=$(python3 "$ROOT/bench/catalog/latency.py" "$port" "$TOKEN" "$n" 1000)
    q=$(awk -F'\t' 'NR == 1 {print $2 " / " $3}' <<<"$latency")
    b=$(awk -F'\t' 'NR == 2 {print $2 " / " $3}' <<<"$latency")
    f=$(awk -F'\t' 'NR == 3 {print $2 " / " $3}' <<<"$latency")
    say "N=$n on $db: ${seconds}s, peak RSS ${hwm} MiB, heap ${heap} MiB; by-query $q ms, by-name $b ms, facets $f ms"
    rows+=("| $n | $db | $seconds s | $hwm MiB | $heap MiB | $q | $b | $f |")
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    if [ "$db" = pg ]; then psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  done
done

section="$WORK/section.md"
{
  echo "## Catalog"
  echo
  echo "Measured by \`bench/catalog/run.sh ${SIZES[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC'): \`./kerberus start\` with one file location"
  echo "whose Location entity globs N synthetic entities (\`bench/catalog/generate.py\`: groups, users with memberOf, domains, systems,"
  echo "components with owner/system/dependsOn/providesApis/consumesApis/tags, APIs with small OpenAPI definitions, resources;"
  echo "every relation resolves). *Ingest* = from spawning the process until \`/entities/by-query\` counts all N (+ 2 locations),"
  echo "relations included; heap = live heap after a full GC; latencies = p50 / p99 in ms of 1,000 requests on one keep-alive"
  echo "connection from Python (client overhead included), by-name over random components."
  echo
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); PostgreSQL $(psql -V | awk '{print $3}') on the same machine"
  echo "- Targets at 100k: ingest under 60 s, by-query p99 under 10 ms, facets p99 under 20 ms, heap under 1 GB."
  echo
  echo "| N | database | ingest | peak RSS | heap | by-query (kind=component, spec.type=service, limit 100) | by-name | entity-facets (spec.type) |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
} >"$section"
cat "$section"
"$ROOT/bench/results-section.sh" "Catalog" "$section"
