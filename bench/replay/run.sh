#!/usr/bin/env bash
# Benchmarks rebuilding each read model from the first event (bin/booking-ops replay) on a year of history, next to
# the rate at which plain JDBC streams the event store. See docs/benchmarks.md ("Replay").
#
#   bench/replay/run.sh [smoke|full]
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL, starts the command side (demo network) and writes a year of one space's history straight into the
#    event store with bench/dashboard/SeedYearOfHistory.java (full: about 1.48 million events);
# 2. starts the query side once with every processor subscribing (it migrates its schema and processes nothing),
#    then gives every live processor a token at the head, so that the machine does nothing but the replays, and
#    starts it again;
# 3. streams the whole event store with plain JDBC (StreamEvents.java) for the floor, then rebuilds each replayable
#    read model in turn with bin/booking-ops and times it, from the request to the switch-over;
# 4. writes the table into docs/benchmarks.md (between the replay-bench markers) unless WRITE_DOCS=0.
#
# Settings (environment): KEEP_DB=1 keeps the database afterwards; PROJECTIONS (default all five) to time fewer.
set -euo pipefail

SIZE=${1:-full}
case "$SIZE" in
  smoke) RESOURCES=10; BOOKINGS=5000 ;;
  full) RESOURCES=200; BOOKINGS=300000 ;;
  *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;;
esac
PROJECTIONS=${PROJECTIONS:-catalogue bookings availability invoices dashboards}
BENCH_DB=${BENCH_DB:-bench_replay_$SIZE}
# Small connection pools: the machine's PostgreSQL is shared, and a rebuild uses its own pool of 4 besides.
export BOOKING_DB_POOL=${BOOKING_DB_POOL:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/target"
source "$HERE/../common.sh"

sql() { psql -d "$BENCH_DB" -qAtX -c "$1"; }

build_jars
# The seeder runs on the query side's own libraries: the event records and the platform's Axon serializer.
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && (cd "$WORK/app" && jar xf "$QUERY_JAR" BOOT-INF/lib)

fresh_database
# The refunds processor runs subscribing, so that it does not pay back the seeded history's cancellations.
start_command_side --axon.eventhandling.processors.refunds.mode=subscribing
QUERY_PORT=$(free_port)

MANAGER=$(sql "SELECT aggregate_identifier FROM event_store.domain_event_entry
               WHERE payload_type LIKE '%.MemberRegistered' AND convert_from(payload, 'UTF8') LIKE '%\"manager@demo.coworkly.test\"%'")
log "seeding $RESOURCES resources and about $BOOKINGS bookings over a year into the event store"
java -Xmx3g -cp "$WORK/app/BOOT-INF/lib/*" "$ROOT/bench/dashboard/SeedYearOfHistory.java" "$DB_URL" "$RESOURCES" \
  "$BOOKINGS" "$MANAGER" "$WORK/space-id-$SIZE" 2>&1 | grep -v ical4j
HEAD=$(sql "SELECT max(global_index) FROM event_store.domain_event_entry")
EVENTS=$(sql "SELECT count(*) FROM event_store.domain_event_entry")

stop_query_side() {
  kill "$QUERY_PID"
  wait "$QUERY_PID" 2>/dev/null || true
  QUERY_PID=""
}
: >"$WORK/query-side.log"
log "migrating the query side's schema"
start_query_side $(for group in catalogue bookings availability invoices dashboards notifications; do
  echo "--axon.eventhandling.processors.$group.mode=subscribing"; done)
stop_query_side
# Pooled processors have segments 0 and 1, the notifications processor segment 0 (application.yml).
sql "INSERT INTO query_side.token_entry (processor_name, segment, token, token_type, time_stamp)
     SELECT g, s, convert_to('{\"index\":$HEAD,\"gaps\":[]}', 'UTF8'),
            'org.axonframework.eventhandling.GapAwareTrackingToken', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
     FROM unnest(ARRAY['catalogue','bookings','availability','invoices','dashboards']) g, generate_series(0, 1) s
     UNION ALL SELECT 'notifications', 0, convert_to('{\"index\":$HEAD,\"gaps\":[]}', 'UTF8'),
            'org.axonframework.eventhandling.GapAwareTrackingToken', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
log "starting the query side on port $QUERY_PORT, its processors at the head ($HEAD)"
start_query_side

log "streaming the event store with plain JDBC"
# The last line: the libraries' logging may write to stdout before it.
read -r RAW_EVENTS RAW_SECONDS RAW_RATE RAW_BYTES < <(java -cp "$WORK/app/BOOT-INF/lib/*" "$HERE/StreamEvents.java" \
  "$DB_URL" "$PGUSER" | tail -1)
log "  $RAW_EVENTS events in $RAW_SECONDS s: $RAW_RATE events/s"

RESULTS="$WORK/results-$SIZE.txt"
: >"$RESULTS"
export BOOKING_QUERY_URL="http://localhost:$QUERY_PORT" BOOKING_COMMAND_URL="$ISSUER"
BOOKING_OPS_TOKEN=$(curl -sf -X POST "$ISSUER/api/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"operator@demo.coworkly.test","password":"operator-demo-password"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
export BOOKING_OPS_TOKEN
rebuild_seconds() { # the query side's own start and finish of the group's latest rebuild, not the tool's start-up
  curl -sf -H "Authorization: Bearer $BOOKING_OPS_TOKEN" "$BOOKING_QUERY_URL/api/operations/projections" |
    python3 -c '
import datetime, json, re, sys
replay = next(p for p in json.load(sys.stdin) if p["name"] == sys.argv[1])["replay"]
at = lambda text: datetime.datetime.fromisoformat(re.sub(r"(\.\d{6})\d*", r"\1", text).replace("Z", "+00:00"))
print(round((at(replay["finishedAt"]) - at(replay["startedAt"])).total_seconds(), 1))' "$1"
}
for group in $PROJECTIONS; do
  log "rebuilding $group"
  "$ROOT/bin/booking-ops" replay "$group" >"$WORK/replay-$group.log"
  echo "$group $(rebuild_seconds "$group")" | tee -a "$RESULTS"
done
"$ROOT/bin/booking-ops" projections

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
PG=$(psql -qAtX -d postgres -c 'SHOW server_version' || echo '?')
TABLE=$(python3 - "$RESULTS" "$HEAD" "$RAW_SECONDS" "$RAW_RATE" <<'PY'
import sys
results, head, raw_seconds, raw_rate = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print('| what | time (s) | events/s | ÷ plain JDBC |')
print('| --- | ---: | ---: | ---: |')
print(f'| plain JDBC streaming of `event_store.domain_event_entry` (fetch size 1,000) | {raw_seconds:.1f} | {raw_rate:,.0f} | 1 |')
for line in open(results):
    group, seconds = line.split()
    rate = head / float(seconds)
    print(f'| rebuild of `{group}` (request to switch-over) | {float(seconds):.1f} | {rate:,.0f} | {rate / raw_rate:.2f} |')
PY
)
SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`: $EVENTS events in the store (head $HEAD), $RESOURCES resources, about $BOOKINGS bookings. Machine: $CORES cores, $CPU, PostgreSQL $PG on the same machine. Each rebuild ran alone, with the live processors idle at the head, batch 1,000, 2 segments; its rate is the head over the time from the request to the switch-over."
echo
echo "$SUMMARY"
echo
echo "$TABLE"

write_docs replay-bench "$SIZE" "$SUMMARY"$'

'"$TABLE"
