#!/usr/bin/env bash
# Benchmarks the member-facing queries on a large history, and the projection lag under booking load, each next to
# a baseline measured in the same run. See docs/benchmarks.md ("Queries on a large history" and "Projection lag").
#
#   bench/queries/run.sh [smoke|medium|full]
#
# medium is two spaces of the full size's (a hundred resources each, the same bookings a day) in a network a tenth of
# its size: a space's day answers as at full size, and seeding takes minutes instead of an hour (for profiling).
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL, starts the command side from its jar (demo network: the JWT issuer) and registers, through the API,
#    65 members and a space in UTC with 65 desks open round the clock (member m books only desk m, as in
#    bench/booking; the 65th pair is the lag probe's);
# 2. writes a year of history of SPACES spaces straight into the event store (bench/dashboard/SeedYearOfHistory.java;
#    full: 20 spaces, 2,000 resources, 20,000 members, about a million bookings), the 65 registered members among
#    its members, so that "my bookings" has a history for members who can sign in;
# 3. restarts the command side with its refund process at the head (it must not refund the seeded cancellations),
#    and starts the query side from its jar with its default settings, the read models the benchmark does not read
#    (invoices, dashboards, notifications) given tokens at the head (CATCH_UP names those built from the history);
#    waits until catalogue, bookings and availability have caught up, and times it; VACUUM ANALYZE;
# 4. EXPLAINs every statement the three endpoints run, on the seeded data, and fails if one cannot use an index;
# 5. queries: in ROUNDS interleaved rounds, at each of CLIENTS concurrent connections, wrk with queries.lua against
#    GET /api/availability (a random space and day), GET /api/resources/{id}/availability (a random resource and
#    week) and GET /api/members/me/bookings (a random member and page of 20), each followed by pgbench running the
#    same statements (-M prepared, as the JDBC driver runs them) at the same client count;
# 6. projection lag: measures the peak of bench/booking's mix at 16 connections (or takes PEAK_RPS), then in
#    LAG_ROUNDS rounds runs the mix paced at half of it (paced.lua) while Probe.java places one booking at a time
#    and times until availability shows it (polling, and through ?after=<X-Event-Position>);
# 7. writes both tables into docs/benchmarks.md (between the queries-bench and lag-bench markers) unless WRITE_DOCS=0.
#
# Settings (environment): ROUNDS (3), DURATION seconds per query run (smoke 3, full 10), WARMUP seconds per endpoint
# and client count (smoke 2, full 5), CLIENTS ("1 4 16 64"), PEAK_RPS (measured when empty), PEAK_WARMUP seconds
# of the mix before it (15), PEAK_SECONDS (smoke 10, full 30), LAG_ROUNDS (3), LAG_SECONDS per round (smoke 15,
# full 60), CATCH_UP ("catalogue bookings availability"), BOOKING_DB_POOL (10 per service), SEED_HEAP (smoke 1g,
# full 8g), KEEP_DB=1 keeps the database afterwards, and REUSE_DB=1 then measures that database again (with its
# files in bench/queries/target): no seeding and no catch-up (the read models are where the last run left them), the
# members with a history kept for "my bookings", and 65 new members and desks registered for the booking mix, whose
# old desks are booked up by the last run's mix.
set -euo pipefail

SIZE=${1:-full}
case "$SIZE" in
  smoke) SPACES=2; RESOURCES=20; BOOKINGS=5000; MEMBERS=400; DURATION=${DURATION:-3}; WARMUP=${WARMUP:-2}
         PEAK_SECONDS=${PEAK_SECONDS:-10}; LAG_SECONDS=${LAG_SECONDS:-15}; SEED_HEAP=${SEED_HEAP:-1g} ;;
  medium) SPACES=2; RESOURCES=200; BOOKINGS=100000; MEMBERS=2000; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-5}
        PEAK_SECONDS=${PEAK_SECONDS:-30}; LAG_SECONDS=${LAG_SECONDS:-60}; SEED_HEAP=${SEED_HEAP:-2g} ;;
  full) SPACES=20; RESOURCES=2000; BOOKINGS=1000000; MEMBERS=20000; DURATION=${DURATION:-10}; WARMUP=${WARMUP:-5}
        PEAK_SECONDS=${PEAK_SECONDS:-30}; LAG_SECONDS=${LAG_SECONDS:-60}; SEED_HEAP=${SEED_HEAP:-8g} ;;
  *) echo "usage: $0 [smoke|medium|full]" >&2; exit 2 ;;
esac
ROUNDS=${ROUNDS:-3}
PEAK_WARMUP=${PEAK_WARMUP:-15}
LAG_ROUNDS=${LAG_ROUNDS:-3}
CLIENTS=${CLIENTS:-"1 4 16 64"}
CATCH_UP=${CATCH_UP:-"catalogue bookings availability"}
PAIRS=64           # the booking mix's members and desks; pair 65 is the probe's
LAG_CLIENTS=16     # the booking mix's connections while the lag is measured (and for its peak)
BENCH_DB=${BENCH_DB:-bench_queries_$SIZE}
# Small connection pools: the machine's PostgreSQL (max_connections 100) is shared with pgbench and others.
export BOOKING_DB_POOL=${BOOKING_DB_POOL:-10}
# Requests beyond the services' admission limit (pool + cores, decision 30) wait for a slot instead of being refused
# after half a second: this benchmark measures how fast the work is done; bench/overload measures the refusals.
export BOOKING_ADMISSION_MAX_WAIT=${BOOKING_ADMISSION_MAX_WAIT:-PT30S}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/target"
source "$HERE/../common.sh"
RUN_STARTED=$(date +%s)

for tool in wrk pgbench; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
sql() { psql -d "$BENCH_DB" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

build_jars
# The seeder and the probe run on the query side's own libraries (event records, Axon's serializer, Jackson).
rm -rf "$WORK/app" && mkdir -p "$WORK/app" && (cd "$WORK/app" && jar xf "$QUERY_JAR" BOOT-INF/lib)
LIB="$WORK/app/BOOT-INF/lib/*"
REUSE=0
if [ "${REUSE_DB:-0}" = 1 ] && [ -n "$(psql -qAtX -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'")" ] &&
   [ -s "$WORK/members.txt" ] && [ -s "$WORK/space-ids" ]; then
  REUSE=1
  log "reusing database $BENCH_DB and the members of the last run (REUSE_DB=1)"
  cp "$WORK/members.txt" "$WORK/members-with-history.txt"
else
  fresh_database
fi
start_command_side
API="http://localhost:$COMMAND_PORT"


log "registering $(( PAIRS + 1 )) members and a space with as many desks through the API"
ADMIN=$(token admin@demo.coworkly.test admin-demo-password)
# As in bench/booking: a late window of zero hours, every cancellation an on-time one.
SPACE=$(post "$ADMIN" /api/spaces '{"name":"Bench Hall","timeZone":"UTC","currency":"EUR","vatRatePercent":21,
  "cancellationPolicy":{"lateWindowHours":0,"lateFeePercent":0},
  "address":{"street":"Benchstraat 1","postalCode":"1000 AA","city":"Amsterdam","countryCode":"NL"}}' | json '["spaceId"]')
WINDOWS=$(python3 -c 'import json; print(json.dumps([{"day": d, "opens": "00:00", "closes": "00:00"} for d in
  ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]]))')
RUN_ID=$(date +%s)
seed_pair() { # m: adds desk m, registers member m, writes "email password memberId resourceId" to pair-m
  local resource email member
  resource=$(post "$ADMIN" "/api/spaces/$SPACE/resources" "{\"kind\":\"DESK\",\"name\":\"Desk $m\",\"capacity\":1,
    \"hourlyPrice\":{\"amount\":400,\"currency\":\"EUR\"},\"openingHours\":$WINDOWS,\"slotMinutes\":15,
    \"minimumMinutes\":15,\"maximumMinutes\":60,\"horizonDays\":730}" | json '["resourceId"]')
  email="bench-$RUN_ID-$m@bench.coworkly.test"
  member=$(post "" /api/members "{\"email\":\"$email\",\"name\":\"Bench Member $m\",\"password\":\"bench-password-$m\"}" |
    json '["memberId"]')
  echo "$email bench-password-$m $member $resource" >"$WORK/pair-$m"
}
SEEDERS=()
for m in $(seq 1 $(( PAIRS + 1 ))); do
  seed_pair "$m" &
  SEEDERS+=($!)
  if (( m % 8 == 0 )); then wait "${SEEDERS[@]}" || true; SEEDERS=(); fi
done
wait "${SEEDERS[@]}" || true
for m in $(seq 1 $(( PAIRS + 1 ))); do
  [ "$(wc -w <"$WORK/pair-$m" 2>/dev/null)" = 4 ] || { echo "seeding pair $m failed" >&2; exit 1; }
  cat "$WORK/pair-$m"
done >"$WORK/members.txt"
rm -f "$WORK"/pair-*
cut -d' ' -f3 "$WORK/members.txt" >"$WORK/member-ids.txt"

if [ "$REUSE" = 1 ]; then
  # "my bookings" is asked by the members with a history; the new pairs only book.
  MIX_MEMBERS="$WORK/members.txt"
  mv "$WORK/members-with-history.txt" "$WORK/members-history.txt"
  SEED_SECONDS=0
else
MANAGER=$(sql "SELECT aggregate_identifier FROM event_store.domain_event_entry
               WHERE payload_type LIKE '%.MemberRegistered' AND convert_from(payload, 'UTF8') LIKE '%\"manager@demo.coworkly.test\"%'")
log "seeding $SPACES spaces, $RESOURCES resources, $MEMBERS members and about $BOOKINGS bookings over a year into the event store"
SEED_START=$(date +%s)
java -Xmx"$SEED_HEAP" -cp "$LIB" "$ROOT/bench/dashboard/SeedYearOfHistory.java" "$DB_URL" "$RESOURCES" "$BOOKINGS" \
  "$MANAGER" "$WORK/space-ids" "$SPACES" "$MEMBERS" "$WORK/member-ids.txt" 2>&1 | grep -v ical4j
SEED_SECONDS=$(( $(date +%s) - SEED_START ))
sed -i -e '$a\' "$WORK/space-ids"  # one id a line, the last one ended too
MIX_MEMBERS="$WORK/members.txt"
cp "$WORK/members.txt" "$WORK/members-history.txt"
fi
HEAD=$(sql "SELECT max(global_index) FROM event_store.domain_event_entry")
EVENTS=$(sql "SELECT count(*) FROM event_store.domain_event_entry")

head_token() { # schema processor segments...: a token at the head for each segment
  local schema=$1 processor=$2; shift 2
  for segment in "$@"; do
    sql "DELETE FROM $schema.token_entry WHERE processor_name = '$processor' AND segment = $segment;
         INSERT INTO $schema.token_entry (processor_name, segment, token, token_type, time_stamp)
         VALUES ('$processor', $segment, convert_to('{\"index\":$HEAD,\"gaps\":[]}', 'UTF8'),
                 'org.axonframework.eventhandling.GapAwareTrackingToken',
                 to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
  done
}
# The command side's refund process follows the event store: restarted with its token at the head, so that it does
# not refund a year of seeded cancellations again. Same port, so that the issuer stays the same.
log "restarting the command side with its refund process at the head ($HEAD)"
kill "$COMMAND_PID"; wait "$COMMAND_PID" 2>/dev/null || true
head_token command_side refunds 0
BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
  COMMAND_SIDE_PORT=$COMMAND_PORT BOOKING_DEMO=true \
  java -Xmx512m -jar "$COMMAND_JAR" >>"$WORK/command-side.log" 2>&1 &
COMMAND_PID=$!
PIDS+=("$COMMAND_PID")
await_health "$COMMAND_PORT"

QUERY_PORT=$(free_port)
QUERY_API="http://localhost:$QUERY_PORT"
: >"$WORK/query-side.log"
log "migrating the query side's schema"
start_query_side $(for group in catalogue bookings availability invoices dashboards notifications; do
  echo "--axon.eventhandling.processors.$group.mode=subscribing"; done)
kill "$QUERY_PID"; wait "$QUERY_PID" 2>/dev/null || true; QUERY_PID=""
# Pooled processors have segments 0 and 1, the notifications processor segment 0 (application.yml).
for group in invoices dashboards notifications catalogue bookings availability; do
  case " $CATCH_UP " in *" $group "*) continue ;; esac
  if [ "$group" = notifications ]; then head_token query_side "$group" 0; else head_token query_side "$group" 0 1; fi
done

position() { # where a processor's slowest segment is (0 while it has no token)
  local at
  at=$(sql "SELECT CASE WHEN count(*) < 2 THEN 0 ELSE min(coalesce(convert_from(token, 'UTF8')::json->'currentToken'->>'index',
                                    convert_from(token, 'UTF8')::json->>'index')::bigint) END
            FROM query_side.token_entry WHERE processor_name = '$1'" 2>/dev/null) || at=0
  echo "${at:-0}"
}
log "starting the query side on port $QUERY_PORT with its default settings; $CATCH_UP catch up from the first event"
CATCH_START=$(date +%s)
start_query_side
for group in $CATCH_UP; do
  while [ "$(position "$group")" -lt "$HEAD" ]; do
    sleep 5
    log "  $group at $(position "$group") of $HEAD"
  done
done
CATCH_SECONDS=$(( $(date +%s) - CATCH_START ))
log "caught up in ${CATCH_SECONDS}s"
# As the dashboard bench does: statistics and visibility map, which autovacuum would see to within a minute or so.
psql -qAtX -d "$BENCH_DB" -c "VACUUM ANALYZE"

# Inputs of the requests, and the signed-in members (tokens live an hour: taken now, after the catch-up).
psql -qAtX -d "$BENCH_DB" -c "SELECT resource_id FROM query_side.availability_resource
    WHERE space_id IN ($(sed "s/.*/'&'/" "$WORK/space-ids" | paste -sd,)) AND NOT retired ORDER BY 1" >"$WORK/resource-ids"
: >"$WORK/mine.txt"; : >"$WORK/pairs.txt"; : >"$WORK/member-pages.txt"
while read -r email password member resource; do
  member_token=$(token "$email" "$password")
  bookings=$(sql "SELECT count(*) FROM query_side.booking_view WHERE member_id = '$member'")
  echo "$member_token $(( bookings > 0 ? (bookings + 19) / 20 : 1 ))" >>"$WORK/mine.txt"
  echo "$member $(( (bookings + 19) / 20 ))" >>"$WORK/member-pages.txt"
done <"$WORK/members-history.txt"
m=0
while read -r email password member resource; do
  m=$(( m + 1 ))
  member_token=$(token "$email" "$password")
  if (( m <= PAIRS )); then echo "$resource $member_token" >>"$WORK/pairs.txt"; else
    PROBE_TOKEN=$member_token; PROBE_RESOURCE=$resource; fi
done <"$MIX_MEMBERS"
export BENCH_TOKEN=$PROBE_TOKEN
FIRST_DAY=$(python3 -c "import datetime as d; print(d.date.today() - d.timedelta(days=365))")
FIRST_EPOCH=$(date -u -d "$FIRST_DAY" +%s)
HISTORY_DAYS=396
BOOKED=$(sql "SELECT count(*) FROM query_side.booking_view")
OCCUPIED=$(sql "SELECT count(*) FROM query_side.occupied_period")
MINE_AVG=$(sql "SELECT round(avg(n)) FROM (SELECT count(*) n FROM query_side.booking_view
                WHERE member_id IN ($(cut -d' ' -f3 "$WORK/members-history.txt" | sed "s/.*/'&'/" | paste -sd,))
                GROUP BY member_id) c")
log "read models: $BOOKED bookings, $OCCUPIED occupied periods; the signed-in members have $MINE_AVG bookings each on average"

# The baseline's inputs: the same random choices, looked up by number (pgbench draws integers, not ids).
psql -qAtX -d "$BENCH_DB" -v ON_ERROR_STOP=1 <<SQL
DROP SCHEMA IF EXISTS bench_q CASCADE;
CREATE SCHEMA bench_q;
CREATE TABLE bench_q.space (space_id varchar(64), n serial PRIMARY KEY);
CREATE TABLE bench_q.resource (resource_id varchar(64), n serial PRIMARY KEY);
CREATE TABLE bench_q.member (member_id varchar(64), pages int, n serial PRIMARY KEY);
\copy bench_q.space (space_id) FROM '$WORK/space-ids'
\copy bench_q.resource (resource_id) FROM '$WORK/resource-ids'
\copy bench_q.member (member_id, pages) FROM '$WORK/member-pages.txt' (DELIMITER ' ')
UPDATE bench_q.member SET pages = greatest(pages, 1);
ANALYZE bench_q.space, bench_q.resource, bench_q.member;
SQL
NSPACES=$(wc -l <"$WORK/space-ids"); NRESOURCES=$(wc -l <"$WORK/resource-ids"); NMEMBERS=$(wc -l <"$WORK/mine.txt")

# The statements each endpoint runs (AvailabilityQueries, BookingsQueries), as pgbench scripts. A day of the space is
# its zone's midnight to midnight (the seeded spaces are in Europe/Amsterdam); the resource's week is in UTC.
SPACE_ID="(SELECT space_id FROM bench_q.space WHERE n = :s)"
DAY_FROM="((DATE '$FIRST_DAY' + :d::int)::timestamp AT TIME ZONE 'Europe/Amsterdam')"
DAY_TO="((DATE '$FIRST_DAY' + :d::int + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')"
cat >"$WORK/space.sql" <<SQL
\set s random(1, $NSPACES)
\set d random(0, $(( HISTORY_DAYS - 1 )))
SELECT time_zone FROM query_side.availability_space WHERE space_id = $SPACE_ID;
SELECT resource_id, lower(period) AS period_start, upper(period) AS period_end FROM query_side.occupied_period WHERE space_id = $SPACE_ID AND period && tstzrange($DAY_FROM, $DAY_TO);
SELECT r.*, s.time_zone FROM query_side.availability_resource r JOIN query_side.availability_space s ON s.space_id = r.space_id WHERE r.space_id = $SPACE_ID AND NOT r.retired ORDER BY r.name, r.resource_id;
SQL
RESOURCE_ID="(SELECT resource_id FROM bench_q.resource WHERE n = :r)"
cat >"$WORK/resource.sql" <<SQL
\set r random(1, $NRESOURCES)
\set d random(0, $(( HISTORY_DAYS - 7 )))
SELECT r.*, s.time_zone FROM query_side.availability_resource r JOIN query_side.availability_space s ON s.space_id = r.space_id WHERE r.resource_id = $RESOURCE_ID;
SELECT lower(period) AS period_start, upper(period) AS period_end FROM query_side.occupied_period WHERE resource_id = $RESOURCE_ID AND period && tstzrange((DATE '$FIRST_DAY' + :d::int)::timestamp AT TIME ZONE 'UTC', (DATE '$FIRST_DAY' + :d::int + 7)::timestamp AT TIME ZONE 'UTC');
SQL
MEMBER_ID="(SELECT member_id FROM bench_q.member WHERE n = :m)"
cat >"$WORK/mine.sql" <<SQL
\set m random(1, $NMEMBERS)
\set p random(0, 1000000)
SELECT count(*) FROM query_side.booking_view WHERE member_id = $MEMBER_ID;
SELECT *, lower(period) AS period_start, upper(period) AS period_end FROM query_side.booking_view WHERE member_id = $MEMBER_ID ORDER BY lower(period), booking_id LIMIT 20 OFFSET (SELECT 20 * (:p % pages) FROM bench_q.member WHERE n = :m);
SQL

# Every statement must be able to use an index: with sequential scans switched off, a plan that still has one on a
# read-model table has no index to use. The plans as the planner chooses them, with their timings, are kept too.
log "checking the plans of every statement (EXPLAIN) on the seeded data"
EXPLAIN="$WORK/explain-$SIZE.txt"
: >"$EXPLAIN"
for script in space resource mine; do
  # One concrete instance of each statement: the variables of the script replaced by fixed draws.
  grep -v '^\\set' "$WORK/$script.sql" |
    sed -e "s/:s\b/1/g; s/:r\b/1/g; s/:m\b/1/g; s/:p\b/1/g; s/:d\b/$(( HISTORY_DAYS - 60 ))/g" >"$WORK/$script-fixed.sql"
  while IFS= read -r statement; do
    {
      echo "== $script: $statement"
      psql -qAtX -d "$BENCH_DB" -c "EXPLAIN (ANALYZE, BUFFERS) $statement"
      echo "-- with enable_seqscan = off:"
      psql -qAtX -d "$BENCH_DB" -c "SET enable_seqscan = off" -c "EXPLAIN $statement"
    } >>"$EXPLAIN"
  done <"$WORK/$script-fixed.sql"
done
if awk '/^-- with enable_seqscan = off:/ {off = 1; next} /^== / {off = 0} off && /Seq Scan on (availability_|occupied_period|booking_view)/' "$EXPLAIN" | grep -q .; then
  echo "a statement has no index to use (Seq Scan with sequential scans off); see $EXPLAIN" >&2; exit 1
fi
SEQ_CHOSEN=$(grep -c 'Seq Scan on \(availability_\|occupied_period\|booking_view\)' "$EXPLAIN" || true)
log "every statement can use an index; plans in $EXPLAIN"

declare -A PATHS=([space]="/api/availability" [resource]="/api/resources" [mine]="/api/members/me/bookings")
declare -A INPUTS=([space]="$WORK/space-ids" [resource]="$WORK/resource-ids" [mine]="$WORK/mine.txt")
wrk_query() { # endpoint clients seconds
  local threads=$(( $2 < 2 ? $2 : 2 ))
  wrk -t"$threads" -c"$2" -d"$3s" --timeout 30s --latency -s "$HERE/queries.lua" "$QUERY_API${PATHS[$1]}" -- \
    "$1" "${INPUTS[$1]}" "$FIRST_EPOCH" "$HISTORY_DAYS" | tee -a "$WORK/wrk.log" | grep '^RESULT' ||
    { echo "wrk gave no result; see $WORK/wrk.log" >&2; return 1; }
}
pg_query() { # endpoint clients seconds; with as many clients as there are free connections, less a margin
  local free clients
  for _ in $(seq 1 20); do  # others share the server: wait a while for a free connection
    free=$(sql "SELECT current_setting('max_connections')::int - count(*) - 6 FROM pg_stat_activity
                WHERE backend_type = 'client backend'" 2>/dev/null) || free=0
    (( free > 0 )) && break
    sleep 3
  done
  if (( free < 1 )); then echo "RESULT pgbench found no free connection"; return 0; fi
  clients=$(( $2 < free ? $2 : free ))
  pgbench -n -M prepared -c "$clients" -j "$(( clients < 2 ? clients : 2 ))" -T "$3" -f "$WORK/$1.sql" "$BENCH_DB" 2>&1 |
    tee -a "$WORK/pgbench.log" |
    awk -v clients="$clients" '/^latency average/ {lat=$4} /^tps/ {tps=$3} /failed transactions/ {failed=$5}
         END {printf "RESULT tps=%s latency=%s failed=%s pgclients=%s\n", tps, lat, (failed == "" ? 0 : failed), clients}'
}
RESULTS="$WORK/results.txt"
: >"$RESULTS"; : >"$WORK/wrk.log"; : >"$WORK/pgbench.log"
log "queries: warming up (${WARMUP}s per endpoint and client count)"
for c in $CLIENTS; do for e in space resource mine; do
  wrk_query "$e" "$c" "$WARMUP" >/dev/null; pg_query "$e" "$c" "$WARMUP" >/dev/null
done; done
QUERY_RSS_BEFORE=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$QUERY_PID/status)
for round in $(seq 1 "$ROUNDS"); do
  for c in $CLIENTS; do for e in space resource mine; do
    echo "ours endpoint=$e clients=$c round=$round $(wrk_query "$e" "$c" "$DURATION")" | tee -a "$RESULTS"
    echo "pgbench endpoint=$e clients=$c round=$round $(pg_query "$e" "$c" "$DURATION")" | tee -a "$RESULTS"
  done; done
done

# Projection lag. The mix books in its own range of days per run, the probe past all of them, on its own desk.
DAY0=$(( ($(date +%s) / 86400 + 1) * 86400 ))
DAYS=$(( 700 / (LAG_ROUNDS + 2) ))  # run 0 warms up, run 1 measures the peak, the rounds follow
mix_run() { # script seconds run [rate]
  wrk -t$LAG_CLIENTS -c$LAG_CLIENTS -d"$2s" --timeout 60s --latency -s "$1" "$API/api/bookings" -- \
    "$WORK/pairs.txt" "$(( DAY0 + $3 * DAYS * 86400 ))" "$DAYS" "$LAG_CLIENTS" ${4:-} |
    tee -a "$WORK/wrk-mix.log" | grep '^RESULT' || { echo "wrk gave no result; see $WORK/wrk-mix.log" >&2; return 1; }
}
: >"$WORK/wrk-mix.log"
LAG="$WORK/lag.txt"
: >"$LAG"
# The command side sat idle through the queries: its booking path is warmed up first, as in bench/booking.
log "projection lag: the booking mix warms up the command side (${PEAK_WARMUP}s)"
mix_run "$ROOT/bench/booking/mix.lua" "$PEAK_WARMUP" 0 >/dev/null
if [ -z "${PEAK_RPS:-}" ]; then
  log "projection lag: the booking mix's peak at $LAG_CLIENTS connections (${PEAK_SECONDS}s)"
  line=$(mix_run "$ROOT/bench/booking/mix.lua" "$PEAK_SECONDS" 1)
  echo "peak $line" | tee -a "$LAG"
  PEAK_RPS=$(echo "$line" | sed 's/.*rps=\([0-9.]*\).*/\1/')
  PEAK_MEASURED=1
else
  PEAK_MEASURED=0
fi
TARGET_RPS=$(python3 -c "print(round($PEAK_RPS / 2, 1))")
export MIX_LUA="$ROOT/bench/booking/mix.lua"
for round in $(seq 1 "$LAG_ROUNDS"); do
  log "projection lag, round $round: the mix paced at $TARGET_RPS requests/s for ${LAG_SECONDS}s, the probe alongside"
  PROBE_FIRST=$(( DAY0 + 705 * 86400 + (round - 1) * 3 * 86400 ))
  java -cp "$LIB" "$HERE/Probe.java" "$API" "$QUERY_API" "$PROBE_TOKEN" "$PROBE_RESOURCE" "$PROBE_FIRST" \
    "$(( LAG_SECONDS - 2 ))" "$WORK/probe-$round.txt" 2>>"$WORK/probe.log" &
  PROBE_PID=$!
  PIDS+=("$PROBE_PID")
  line=$(mix_run "$HERE/paced.lua" "$LAG_SECONDS" "$(( round + 1 ))" "$TARGET_RPS")
  wait "$PROBE_PID" || { echo "the probe failed; see $WORK/probe.log" >&2; exit 1; }
  echo "load round=$round $line" | tee -a "$LAG"
  awk -v round="$round" '{print "probe round=" round " method=" $1 " lag=" $2 " resolution=" $3 " polls=" $4}' \
    "$WORK/probe-$round.txt" >>"$LAG"
done

COMMAND_RSS=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$COMMAND_PID/status)
QUERY_RSS=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$QUERY_PID/status)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
RAM=$(free -g | awk '/^Mem:/ {print $2}')
PG=$(psql -qAtX -d postgres -c 'SHOW server_version')
MACHINE="Machine: $(nproc) cores, $CPU, ${RAM} GiB RAM, PostgreSQL $PG on the same machine, shared with both services, wrk and pgbench; load average at the end $LOAD."
TOTAL_SECONDS=$(( $(date +%s) - RUN_STARTED ))
QUERY_TABLE=$(python3 "$HERE/report.py" queries "$RESULTS")
LAG_TABLE=$(python3 "$HERE/report.py" lag "$LAG" "$PEAK_RPS" "$TARGET_RPS" "$PEAK_MEASURED")
if [ "$REUSE" = 1 ]; then REUSED=" The database and read models were kept from an earlier run (REUSE_DB=1)."; else REUSED=""; fi
HISTORY="$SPACES spaces, $RESOURCES resources, $MEMBERS members; $EVENTS events in the store, $BOOKED bookings in the read model ($OCCUPIED live bookings and blocks in availability); the $NMEMBERS signed-in members have $MINE_AVG bookings each on average. Seeding took ${SEED_SECONDS} s; catalogue, bookings and availability caught up from the first event in ${CATCH_SECONDS} s; the whole run took ${TOTAL_SECONDS} s.$REUSED"
QUERY_SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`: $HISTORY wrk ($(echo $CLIENTS | sed 's/ /, /g') connections, at most 2 threads) and pgbench (-M prepared) interleaved, a ${WARMUP} s warm-up of each per client count, then $ROUNDS rounds of ${DURATION} s; each figure is the median over the rounds. Every statement can use an index (EXPLAIN with sequential scans off); the planner chose a sequential scan $SEQ_CHOSEN times on these table sizes. Peak RSS of the query side (VmHWM) after the catch-up $QUERY_RSS_BEFORE MiB, at the end $QUERY_RSS MiB (-Xmx1g), command side $COMMAND_RSS MiB (-Xmx512m); connection pools of $BOOKING_DB_POOL. $MACHINE"
LAG_SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\` (the history above): bench/booking's mix at $LAG_CLIENTS connections, $LAG_ROUNDS rounds of ${LAG_SECONDS} s paced at half of the peak, Probe.java alongside. $MACHINE"
printf '\n%s\n\n%s\n\n%s\n\n%s\n' "$QUERY_SUMMARY" "$QUERY_TABLE" "$LAG_SUMMARY" "$LAG_TABLE"

write_docs queries-bench "$SIZE" "$QUERY_SUMMARY"$'

'"$QUERY_TABLE"
write_docs lag-bench "$SIZE" "$LAG_SUMMARY"$'

'"$LAG_TABLE"
