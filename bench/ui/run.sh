#!/usr/bin/env bash
# Catalog UI benchmark: the portal on the embedded database with a synthetic catalog of N entities
# (bench/catalog/generate.py), then the catalog pages as a signed-in browser gets them: p50/p99 time
# over a keep-alive connection on this machine and the gzip-compressed transfer size.
#
#   bench/ui/run.sh [N]        default 10000
#
# Writes the "## Catalog UI" section of bench/RESULTS.md. Targets (issue #4): the catalog page at
# 10k entities in under 50 ms of server time and under 150 KB compressed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-10000}"
REQUESTS=200
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-ui-bench.XXXXXX")
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
say() { printf 'ui-bench: %s\n' "$*" >&2; }

"$ROOT/kerberus" build >/dev/null 2>&1 || { say "the build failed: run ./kerberus build"; exit 1; }
JAVA_HOME=$("$ROOT/kerberus" java-home)
catalog="$WORK/catalog"
python3 "$ROOT/bench/catalog/generate.py" "$N" "$catalog" >/dev/null
port=$((20000 + RANDOM % 20000))
cat >"$WORK/app-config.yaml" <<YAML
backend:
  listen: {port: $port}
  logger: {level: warn}
auth:
  providers:
    guest: {}
catalog:
  fileRoots: ['$catalog']
  rules: [{allow: ['*']}]
  locations: [{type: file, target: '$catalog/all.yaml'}]
YAML
say "starting with $N entities..."
(cd "$WORK" && exec "$ROOT/kerberus" start) >"$WORK/start.log" 2>&1 &
PID=$!
until grep -q "is ready" "$WORK/start.log" 2>/dev/null; do
  sleep 0.25; kill -0 "$PID" 2>/dev/null || { cat "$WORK/start.log" >&2; say "the app died"; exit 1; }
done
# wait until every entity is processed: the Location entities and N more
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthcheck")" = 200 ] && python3 - "$port" "$N" <<'PY'
import http.client, re, sys, urllib.parse
port, n = int(sys.argv[1]), int(sys.argv[2])
c = http.client.HTTPConnection("127.0.0.1", port)
c.request("GET", "/sign-in"); r = c.getresponse(); r.read()
cookie = r.getheader("Set-Cookie").split(";")[0]
c.request("POST", "/auth/guest/sign-in", body=urllib.parse.urlencode({"_csrf": cookie.split("=", 1)[1], "returnTo": "/"}),
          headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
r = c.getresponse(); r.read(); session = r.getheader("Set-Cookie").split(";")[0]
c.request("GET", "/catalog?kind=all", headers={"Cookie": session}); body = c.getresponse().read().decode()
m = re.search(r"of (\d+)</span>", body)
sys.exit(0 if m and int(m.group(1)) >= n else 1)
PY
do sleep 1; done
say "measuring..."
results=$(python3 "$ROOT/bench/ui/pages.py" "$port" "$N" "$REQUESTS")
rows=$(awk -F'\t' '{printf "| %s | %s | %s | %.1f KB | %.1f KB |\n", $1, $2, $3, $4 / 1024, $5 / 1024}' <<<"$results")
echo "$rows" >&2

section="$WORK/section.md"
{
  echo "## Catalog UI"
  echo
  echo "Measured by \`bench/ui/run.sh $N\` on $(date -u '+%Y-%m-%d %H:%M UTC'): \`./kerberus start\` on the embedded database with"
  echo "$N synthetic entities (\`bench/catalog/generate.py\`), signed in as guest; each page requested $REQUESTS times over one"
  echo "keep-alive connection with \`Accept-Encoding: gzip\` after a warm-up. Times are p50 / p99 in ms as the client sees them"
  echo "(so an upper bound of server time); sizes are the HTML as sent (gzip) and unpacked. Static assets are cached by the browser and not counted."
  echo
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  echo "- Targets at 10k entities (issue #4): the catalog page in under 50 ms server time and under 150 KB compressed."
  echo
  echo "| page | p50 ms | p99 ms | transfer (gzip) | HTML |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "$rows"
} >"$section"
cat "$section"
"$ROOT/bench/results-section.sh" "Catalog UI" "$section"
