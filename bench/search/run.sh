#!/usr/bin/env bash
# Search benchmark (issue 6): 100k catalog documents + 10k docs sections, full reindex timed, then 50 fixed queries
# (7 classes) each run ROUNDS times after a warm-up round, on Lucene and PostgreSQL. bench/search/SearchBench.java does
# the work in one JVM per run; this script builds the search plugin in its own copy of the checkout, makes sure
# PostgreSQL is there (as `./kerberus test` does), runs the benchmark RUNS times and writes the "## Search" section
# of bench/RESULTS.md from the medians of the runs.
#
#   bench/search/run.sh [RUNS]          default 3; env ROUNDS (default 20), ENGINES (default lucene,postgres),
#                                       KERBERUS_JAVA_OPTS (default: the launcher's flags), SPLIT=1 for a timing split
#
# Targets (issue 6): query p99 under 20 ms on Lucene at 110k documents; full reindex under 60 s.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-3}"
ROUNDS="${ROUNDS:-20}"
ENGINES="${ENGINES:-lucene,postgres}"
COPY="${KB_SBENCH_COPY:-/tmp/kb-sbench}"
export JAVA_HOME="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA_OPTS="${KERBERUS_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}" # as ./kerberus runs the app
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kerberus-search-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
say() { printf 'search-bench: %s\n' "$*" >&2; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# 1. Build the plugin (and what it needs) in a private copy, so that edits in the checkout cannot break a run halfway.
build() {
  rsync -a --delete --exclude target --exclude .git "$ROOT/" "$COPY/"
  (cd "$COPY" && ./mvnw -q -B -o install -DskipTests -DskipITs -pl plugins/search/kerberus-search-plugin -am) >"$WORK/build.log" 2>&1
}
say "building plugins/search/kerberus-search-plugin in $COPY..."
if ! build; then
  say "the build failed (concurrent edits?); copying again and retrying in 20 s"
  sleep 20
  build || { cat "$WORK/build.log" >&2; say "the build failed"; exit 1; }
fi
(cd "$COPY" && ./mvnw -q -B -o dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$WORK/cp.txt" \
  -pl plugins/search/kerberus-search-plugin) >"$WORK/cp.log" 2>&1 || { cat "$WORK/cp.log" >&2; exit 1; }
pg_version=$(sed -n 's#.*<postgresql.version>\(.*\)</postgresql.version>.*#\1#p' "$COPY/pom.xml")
pg_jar="$HOME/.m2/repository/org/postgresql/postgresql/$pg_version/postgresql-$pg_version.jar"
[ -f "$pg_jar" ] || { say "no PostgreSQL driver at $pg_jar"; exit 1; }
CP="$COPY/plugins/search/kerberus-search-plugin/target/classes:$(cat "$WORK/cp.txt"):$pg_jar"
lucene_version=$(tr ':' '\n' <"$WORK/cp.txt" | sed -n 's#.*/lucene-core-\(.*\)\.jar#\1#p')

# 2. PostgreSQL at 127.0.0.1:5432, user postgres (trust), database test: as ensure_postgres in ./kerberus.
pg_ready() {
  if command -v pg_isready >/dev/null 2>&1; then pg_isready -q -h 127.0.0.1 -p 5432 -U postgres; else (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; fi
}
if [[ ",$ENGINES," == *,postgres,* ]]; then
  if ! pg_ready; then
    cluster=""
    [ -d /etc/postgresql ] && cluster=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$cluster" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
      say "starting PostgreSQL $cluster..."
      if [ "$(id -u)" = 0 ]; then pg_ctlcluster --skip-systemctl-redirect "$cluster" main start || true
      else sudo -n pg_ctlcluster --skip-systemctl-redirect "$cluster" main start 2>/dev/null || true; fi
      for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
    fi
  fi
  pg_ready || { say "PostgreSQL is not running at 127.0.0.1:5432 (user postgres, trust, database test)"; exit 1; }
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE test" >/dev/null
  fi
  pg_server=$(psql -h 127.0.0.1 -U postgres -d test -tAc "SHOW server_version" | awk '{print $1}')
fi

# 3. The runs, one JVM each.
split_opt=""
[ "${SPLIT:-0}" = 1 ] && split_opt="--split"
for run in $(seq 1 "$RUNS"); do
  say "run $run of $RUNS (engines $ENGINES, $ROUNDS rounds)..."
  # shellcheck disable=SC2086
  (cd "$ROOT" && "$JAVA_HOME/bin/java" $JAVA_OPTS --enable-native-access=ALL-UNNAMED -cp "$CP" bench/search/SearchBench.java \
    --engines "$ENGINES" --rounds "$ROUNDS" $split_opt) >"$WORK/run-$run.tsv" 2>"$WORK/run-$run.err" \
    || { cat "$WORK/run-$run.err" >&2; say "run $run failed"; exit 1; }
  grep -P '^(index|query)\t' "$WORK/run-$run.tsv" | grep -P '\t(total|all)\t' >&2 || true
  mkdir -p "${TMPDIR:-/tmp}/kerberus-search-bench-last" && cp "$WORK/run-$run.tsv" "${TMPDIR:-/tmp}/kerberus-search-bench-last/"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# 4. Medians of the runs, into the "## Search" section.
section="$WORK/section.md"
python3 - "$RUNS" "$WORK" >"$WORK/tables.md" <<'EOF'
import statistics, sys, collections
runs, work = int(sys.argv[1]), sys.argv[2]
index = collections.defaultdict(list)   # (engine, what) -> [ms]
query = collections.defaultdict(list)   # (engine, class) -> [(p50, p99, max)]
term = collections.defaultdict(list)    # (engine, class, query) -> [(p50, p99)]
hits = {}
order = []
for r in range(1, runs + 1):
    for line in open(f"{work}/run-{r}.tsv"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "index":
            index[(f[1], f[2])].append(float(f[3]))
        elif f[0] == "query":
            query[(f[1], f[2])].append((float(f[3]), float(f[4]), float(f[5])))
            if f[2] not in order: order.append(f[2])
        elif f[0] == "term":
            term[(f[1], f[2], f[5])].append((float(f[3]), float(f[4])))
        elif f[0] == "hits":
            hits[(f[1], f[4])] = int(f[3])
engines = [e for e in ("lucene", "postgres") if (e, "total") in index]
med = statistics.median
def fmt(v): return f"{v:.1f}" if v >= 10 else f"{v:.2f}"
print("ENGINES=" + " ".join(engines))
for e in engines:
    print(f"REINDEX_{e}={med(index[(e, 'total')]) / 1000:.1f}")
    print(f"P99_{e}={med([x[1] for x in query[(e, 'all')]]):.2f}")
print("---")
print("| engine | full reindex (catalog + docs) | catalog 100k | docs 10k |")
print("| --- | ---: | ---: | ---: |")
for e in engines:
    t = [med(index[(e, k)]) / 1000 for k in ("total", "software-catalog", "techdocs")]
    rng = f" ({min(index[(e, 'total')]) / 1000:.1f}-{max(index[(e, 'total')]) / 1000:.1f})"
    print(f"| {e} | {t[0]:.1f} s{rng} | {t[1]:.1f} s | {t[2]:.1f} s |")
print()
head = "| query class (queries) | " + " | ".join(f"{e} p50 | {e} p99 | {e} max" for e in engines) + " |"
print(head)
print("| --- | " + " | ".join("---: | ---: | ---:" for _ in engines) + " |")
counts = collections.Counter(k[1] for k in term if k[0] == engines[0])
for c in ["all"] + [c for c in order if c != "all"]:
    label = "**all**" if c == "all" else c
    n = sum(counts.values()) if c in ("all", "search page, with facets") else counts[c]
    cells = []
    for e in engines:
        v = query[(e, c)]
        cells.append(f"{fmt(med(x[0] for x in v))} | {fmt(med(x[1] for x in v))} | {fmt(med(x[2] for x in v))}")
    print(f"| {label} ({n}) | " + " | ".join(cells) + " |")
print()
print("<details><summary>Per query: p50 / p99 in ms (median of runs) and total hits</summary>")
print()
print("| class | query | " + " | ".join(f"{e} p50 / p99" for e in engines) + " | hits |")
print("| --- | --- | " + " | ".join("---:" for _ in engines) + " | ---: |")
for (e, c, q) in [k for k in term if k[0] == engines[0]]:
    cells = []
    for e2 in engines:
        v = term.get((e2, c, q), [])
        cells.append(f"{fmt(med(x[0] for x in v))} / {fmt(med(x[1] for x in v))}" if v else "-")
    print(f"| {c} | `{q}` | " + " | ".join(cells) + f" | {hits.get((e, q), '')} |")
print()
print("</details>")
EOF
engines=$(sed -n 's/^ENGINES=//p' "$WORK/tables.md")
get() { sed -n "s/^$1=//p" "$WORK/tables.md"; }
targets=""
if [[ " $engines " == *" lucene "* ]]; then
  p99=$(get P99_lucene); re=$(get REINDEX_lucene)
  ok() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? "**met**" : "**not met**"}'; }
  targets="Lucene query p99 under 20 ms: $(ok "$p99" 20) ($p99 ms over all 50 queries); full reindex under 60 s: $(ok "$re" 60) (Lucene $re s"
  [[ " $engines " == *" postgres "* ]] && targets="$targets, PostgreSQL $(get REINDEX_postgres) s: $(ok "$(get REINDEX_postgres)" 60)"
  targets="$targets)."
fi
busy=""
awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN {exit !(l > n / 2)}' && busy=" The machine was **shared** (load above half the cores before the runs): other work ran alongside, which widens the tails."
{
  echo "## Search"
  echo
  echo "Measured by \`bench/search/run.sh $RUNS\` on $(date -u '+%Y-%m-%d %H:%M UTC'): \`bench/search/SearchBench.java\` (one JVM per run, run like"
  echo "\`./kerberus\` runs the app: \`$JAVA_OPTS\`) indexes 100,000 catalog documents built by \`CatalogCollator.document\` from synthetic"
  echo "entities (names like \`payments-ledger-service-0421\`; 60% components, APIs, resources, systems, domains; 200 owning teams,"
  echo "skewed; lifecycles; 0-4 of 50 tags; descriptions of 6-36 words drawn Zipf-distributed from the 2,000 words of \`bench/search/words.txt\`,"
  echo "the most frequent words of this repository's docs and code) and 10,000 techdocs sections of 120-180 words (10 per component site)."
  echo "*Full reindex* = \`replaceAll(\"software-catalog\", 100k)\` + \`replaceAll(\"techdocs\", 10k)\` on an empty index (Lucene in a temporary"
  echo "folder; PostgreSQL in a fresh schema, dropped afterwards, then \`ANALYZE\`, not counted, as autovacuum does soon after). Then 50 fixed"
  echo "queries in 7 classes, page size 25, as \`GET /api/search/query\` runs them (no facet counts); the row *search page, with facets* runs all 50 again as the \`/search\` page does, counting its facets (kind, owner, lifecycle, tags) over all matches: one warm-up round, then"
  echo "$ROUNDS rounds round-robin; in-process times in ms (no HTTP). Median of $RUNS runs (min-max for the reindex)."
  echo
  echo "- Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, /tmp on $(df -T /tmp | awk 'NR == 2 {print $2}'); load average before ${load_before}, after ${load_after}.$busy"
  echo "- Versions: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1); Lucene $lucene_version; PostgreSQL ${pg_server:-not measured} on the same machine (JDBC $pg_version, one connection reused)"
  echo "- Targets (issue 6): $targets"
  echo
  sed '1,/^---$/d' "$WORK/tables.md"
  if [ -f "$ROOT/bench/search/analysis.md" ]; then echo; cat "$ROOT/bench/search/analysis.md"; fi
} >"$section"
cat "$section"
"$ROOT/bench/results-section.sh" "Search" "$section"
