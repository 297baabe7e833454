#!/usr/bin/env bash
# Benchmarks the manager dashboard query on a space with a year of history. See docs/benchmarks.md.
#
#   bench/dashboard/run.sh [smoke|full]
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL and starts the command side (demo network: the JWT issuer) and the query side from their jars;
# 2. writes a year of one space's history straight into the event store (SeedYearOfHistory.java) and lets the
#    query side's real dashboards projection build its read model, timing that rebuild;
# 3. measures GET /api/dashboards/spaces/{id} for the last year by MONTH, WEEK and DAY with wrk, next to the same
#    service's GET /api/spaces as the baseline, in interleaved rounds, and prints the medians;
# 4. writes the table into docs/benchmarks.md (between the dashboard-bench markers) unless WRITE_DOCS=0.
#
# Settings (environment): ROUNDS (5), DURATION seconds per run (10), WARMUP seconds per endpoint (10), CONNECTIONS
# (2), KEEP_DB=1 keeps the database afterwards, REUSE_DB=1 measures an existing database again (no seeding).
set -euo pipefail

SIZE=${1:-full}
case "$SIZE" in
  smoke) RESOURCES=10; BOOKINGS=5000; BUILD=${BUILD:-projection} ;;
  full) RESOURCES=200; BOOKINGS=300000; BUILD=${BUILD:-bulk} ;;
  *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;;
esac
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-2}
BENCH_DB=${BENCH_DB:-bench_dashboard_$SIZE}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/target"
source "$HERE/../common.sh"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
sql() { psql -d "$BENCH_DB" -qAtX -c "$1"; }

build_jars
# The seeder runs on the query side's own libraries: the event records and the platform's Axon serializer.
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && (cd "$WORK/app" && jar xf "$QUERY_JAR" BOOT-INF/lib)

REUSING=0
if [ "${REUSE_DB:-0}" = 1 ] && [ -n "$(psql -qAtX -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" ]; then
  REUSING=1
  log "reusing database $BENCH_DB"
else
  fresh_database
fi

# The command side only issues tokens here. Its refunds processor runs subscribing, so that it does not pay back
# the seeded history's cancellations again through the simulated provider.
start_command_side --axon.eventhandling.processors.refunds.mode=subscribing
QUERY_PORT=$(free_port)

MANAGER=$(sql "SELECT aggregate_identifier FROM event_store.domain_event_entry
               WHERE payload_type LIKE '%.MemberRegistered' AND convert_from(payload, 'UTF8') LIKE '%\"manager@demo.coworkly.test\"%'")
if [ "$REUSING" = 0 ]; then
  log "seeding $RESOURCES resources and about $BOOKINGS bookings over a year into the event store"
  SEED_START=$(date +%s)
  java -Xmx3g -cp "$WORK/app/BOOT-INF/lib/*" "$HERE/SeedYearOfHistory.java" "$DB_URL" "$RESOURCES" "$BOOKINGS" \
    "$MANAGER" "$WORK/space-id-$SIZE" 2>&1 | grep -v ical4j
  SEED_SECONDS=$(( $(date +%s) - SEED_START ))
  echo "$SEED_SECONDS" >"$WORK/seed-seconds-$SIZE"
fi
SPACE=$(cat "$WORK/space-id-$SIZE")
HEAD=$(sql "SELECT max(global_index) FROM event_store.domain_event_entry")
EVENTS=$(sql "SELECT count(*) FROM event_store.domain_event_entry")

# Only the projections the benchmark reads follow the store: the others run subscribing, so that the rebuild time
# is the dashboards projection's own and no emails are written for a year of seeded bookings. With BUILD=bulk the
# dashboards projection does not follow the store either: bulk-read-model.sql builds its tables instead.
DASHBOARDS_MODE=pooled
if [ "$BUILD" = bulk ]; then DASHBOARDS_MODE=subscribing; fi
log "starting the query side on port $QUERY_PORT"
REBUILD_START=$(date +%s)
BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
  BOOKING_JWKS_URI="$ISSUER/.well-known/jwks.json" QUERY_SIDE_PORT=$QUERY_PORT \
  java -Xmx1g -jar "$QUERY_JAR" \
  --axon.eventhandling.processors.bookings.mode=subscribing \
  --axon.eventhandling.processors.availability.mode=subscribing \
  --axon.eventhandling.processors.invoices.mode=subscribing \
  --axon.eventhandling.processors.notifications.mode=subscribing \
  --axon.eventhandling.processors.dashboards.mode=$DASHBOARDS_MODE \
  >"$WORK/query-side.log" 2>&1 &
PIDS+=($!)
await_health "$QUERY_PORT"

position() { # where the dashboards processor's slowest segment is (0 while it has no token or the server is busy)
  local at
  at=$(sql "SELECT coalesce(min(coalesce(convert_from(token, 'UTF8')::json->'currentToken'->>'index',
                                    convert_from(token, 'UTF8')::json->>'index')::bigint), 0)
       FROM query_side.token_entry WHERE processor_name = 'dashboards'" 2>/dev/null) || at=0
  echo "${at:-0}"
}
TABLES="dashboard_space dashboard_manager dashboard_resource dashboard_opening_hours dashboard_block dashboard_booking
        dashboard_day dashboard_period dashboard_hour dashboard_member_bucket dashboard_unique_members
        dashboard_space_member"
bulk_build() {
  psql -qAtX -d "$BENCH_DB" -v ON_ERROR_STOP=1 -c "TRUNCATE $(echo $TABLES | sed 's/ /, /g' | sed 's/dashboard_/query_side.dashboard_/g')"
  psql -qAtX -d "$BENCH_DB" -v ON_ERROR_STOP=1 -f "$HERE/bulk-read-model.sql"
}
if [ "$BUILD" = bulk ] && [ "$REUSING" = 1 ] && [ "$(sql "SELECT count(*) > 0 FROM query_side.dashboard_booking")" = t ]; then
  REBUILD_SECONDS=0
  HOW_BUILT="the read model was kept from an earlier run (REUSE_DB=1)"
elif [ "$BUILD" = bulk ]; then
  log "building the dashboards' read model in bulk (bulk-read-model.sql)"
  REBUILD_START=$(date +%s)
  bulk_build
  REBUILD_SECONDS=$(( $(date +%s) - REBUILD_START ))
  HOW_BUILT="bulk-read-model.sql built the read model from the events in ${REBUILD_SECONDS} s (the smoke size checks that it gives the same tables as the projection)"
else
  START_POSITION=$(position)
  while [ "$(position)" -lt "$HEAD" ]; do
    sleep 2
    log "dashboards projection at $(position) of $HEAD"
  done
  REBUILD_SECONDS=$(( $(date +%s) - REBUILD_START ))
  HOW_BUILT="the dashboards projection built the read model from the events (from position $START_POSITION to $HEAD, counted from the query side's start) in ${REBUILD_SECONDS} s"
  # The bulk build must give exactly the projection's tables.
  log "checking bulk-read-model.sql against the projection's tables"
  psql -qAtX -d "$BENCH_DB" -c "DROP SCHEMA IF EXISTS bench_check CASCADE" -c "CREATE SCHEMA bench_check"
  for table in $TABLES; do sql "CREATE TABLE bench_check.$table AS TABLE query_side.$table"; done
  bulk_build
  for table in $TABLES; do
    differ=$(sql "SELECT count(*) FROM ((TABLE query_side.$table EXCEPT ALL TABLE bench_check.$table)
                  UNION ALL (TABLE bench_check.$table EXCEPT ALL TABLE query_side.$table)) d")
    rows=$(sql "SELECT count(*) FROM bench_check.$table")
    if [ "$differ" != 0 ]; then echo "bulk-read-model.sql differs from the projection in $table: $differ rows" >&2; exit 1; fi
    log "  $table: $rows rows, identical"
  done
  HOW_BUILT="$HOW_BUILT; bulk-read-model.sql built identical tables"
fi
# A read model just written in bulk has no statistics and no visibility map yet; autovacuum would see to both
# within a minute or so. Measure the steady state it reaches, not that minute.
psql -qAtX -d "$BENCH_DB" -c "VACUUM ANALYZE"
BOOKED=$(sql "SELECT count(*) FROM query_side.dashboard_booking WHERE space_id = '$SPACE'")
DAY_ROWS=$(sql "SELECT count(*) FROM query_side.dashboard_day WHERE space_id = '$SPACE'")
MEMBER_DAY_ROWS=$(sql "SELECT count(*) FROM query_side.dashboard_member_bucket WHERE space_id = '$SPACE'
                        AND granularity = 'DAY' AND resource_id <> '' AND bookings > 0")
log "read model: $BOOKED bookings, $DAY_ROWS resource-days, $MEMBER_DAY_ROWS member-days (built in ${REBUILD_SECONDS}s)"

TOKEN=$(curl -sf -X POST "http://localhost:$COMMAND_PORT/api/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"manager@demo.coworkly.test","password":"manager-demo-password"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
TO=$(TZ=Europe/Amsterdam date +%F)
FROM=$(TZ=Europe/Amsterdam date -d "$TO - 1 year" +%F)
# The last twelve whole months: no part-month at either end.
WHOLE_TO=$(TZ=Europe/Amsterdam date +%Y-%m-01)
WHOLE_FROM=$(TZ=Europe/Amsterdam date -d "$WHOLE_TO - 1 year" +%F)
BASE="http://localhost:$QUERY_PORT"
declare -A URLS=(
  [baseline]="$BASE/api/spaces"
  [MONTH]="$BASE/api/dashboards/spaces/$SPACE?from=$FROM&to=$TO&granularity=MONTH"
  [WHOLE]="$BASE/api/dashboards/spaces/$SPACE?from=$WHOLE_FROM&to=$WHOLE_TO&granularity=MONTH"
  [WEEK]="$BASE/api/dashboards/spaces/$SPACE?from=$FROM&to=$TO&granularity=WEEK"
  [DAY]="$BASE/api/dashboards/spaces/$SPACE?from=$FROM&to=$TO&granularity=DAY"
)
ORDER=(baseline WHOLE MONTH WEEK DAY)
declare -A BYTES
for name in "${ORDER[@]}"; do
  BYTES[$name]=$(curl -sf -o /dev/null -w '%{size_download}' -H "Authorization: Bearer $TOKEN" "${URLS[$name]}")
done

bench() { # name seconds
  wrk -t1 -c"$CONNECTIONS" -d"$2s" --timeout 60s --latency -s "$HERE/report.lua" -H "Authorization: Bearer $TOKEN" "${URLS[$1]}" |
    grep '^RESULT'
}
log "warming up (${WARMUP}s per endpoint)"
for name in "${ORDER[@]}"; do bench "$name" "$WARMUP" >/dev/null; done
RESULTS="$WORK/results.txt"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${ORDER[@]}"; do
    line=$(bench "$name" "$DURATION")
    echo "$name round=$round $line" | tee -a "$RESULTS"
  done
done

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
RAM=$(free -g | awk '/^Mem:/ {print $2}')
PG=$(psql -qAtX -d postgres -c 'SHOW server_version')
TABLE=$(python3 - "$RESULTS" "$WHOLE_FROM" "$WHOLE_TO" "${BYTES[baseline]}" "${BYTES[WHOLE]}" "${BYTES[MONTH]}" \
  "${BYTES[WEEK]}" "${BYTES[DAY]}" <<'EOF'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name = line.split()[0]
    values = dict(re.findall(r'(\w+)=([\d.]+)', line))
    if float(values['non2xx']) or float(values['errors']):
        sys.exit(f"{name}: a run had non-2xx answers or socket errors: {line.strip()}")
    rows.setdefault(name, []).append(values)
names = ['baseline', 'WHOLE', 'MONTH', 'WEEK', 'DAY']
sizes = dict(zip(names, sys.argv[4:]))
labels = {'baseline': 'baseline `GET /api/spaces`',
          'WHOLE': f'dashboard, twelve whole months ({sys.argv[2]} to {sys.argv[3]}) by MONTH',
          'MONTH': 'dashboard, a year to today by MONTH', 'WEEK': 'dashboard, a year to today by WEEK',
          'DAY': 'dashboard, a year to today by DAY'}
base = statistics.median(float(v['p50']) for v in rows['baseline'])
print('| request | response | p50 (ms) | p99 (ms) | requests/s | p50 ÷ baseline p50 |')
print('| --- | ---: | ---: | ---: | ---: | ---: |')
for name in names:
    p50 = statistics.median(float(v['p50']) for v in rows[name])
    p99 = statistics.median(float(v['p99']) for v in rows[name])
    rps = statistics.median(float(v['rps']) for v in rows[name])
    print(f"| {labels[name]} | {int(sizes[name]) / 1024:,.0f} KiB | {p50:.1f} | {p99:.1f} | {rps:.1f} | {p50 / base:.1f} |")
EOF
)
SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`: $RESOURCES resources, $BOOKED bookings in the read model ($EVENTS events in the store; $DAY_ROWS resource-days, $MEMBER_DAY_ROWS member-days), range $FROM to $TO. Machine: $CORES cores, $CPU, ${RAM} GiB RAM, PostgreSQL $PG on the same machine. wrk, $CONNECTIONS connections, ${WARMUP} s warm-up per request, then $ROUNDS interleaved rounds of ${DURATION} s; each figure is the median over the rounds. Seeding the event store took $(cat "$WORK/seed-seconds-$SIZE" 2>/dev/null || echo '?') s; $HOW_BUILT."
echo
echo "$SUMMARY"
echo
echo "$TABLE"

write_docs dashboard-bench "$SIZE" "$SUMMARY"$'

'"$TABLE"
