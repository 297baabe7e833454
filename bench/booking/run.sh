#!/usr/bin/env bash
# Benchmarks booking commands over HTTP next to PostgreSQL's own ceiling for the same SQL. See docs/benchmarks.md.
#
#   bench/booking/run.sh [smoke|full]
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL and starts the command side (demo network, simulated payments) and the query side from their jars,
#    with their default settings: the query side's projections follow the bookings as they would in production;
# 2. seeds through the real API: a space in UTC with 64 resources open around the clock (15-minute slots, two
#    years ahead) and 64 members, member m booking only resource m (mix.lua says why); and 64 more members, each
#    subscribed to a plan whose credits pay in full for every booking they place, credit member m also booking
#    resource m;
# 3. places one probe booking and reads what it appended (events, their sizes, deadlines), and from that writes
#    the pgbench script: the same statements, the same number and size of rows, in one transaction;
# 4. in ROUNDS interleaved rounds, at 1, 4, 16 and 64 concurrent clients: wrk with mix.lua against
#    POST /api/bookings (8 in 10 fresh bookings, 1 deliberate conflict, 1 cancellation) by the card-paying members
#    and by the credit members (which of the two goes first alternates by round), then pgbench with the script at
#    the same client count; medians over the rounds, ours as a ratio to pgbench's, credits as a ratio to card;
# 5. reads each service's peak RSS (VmHWM) at the end and writes the tables into docs/benchmarks.md (between the
#    booking-bench and booking-credits markers) unless WRITE_DOCS=0.
#
# Settings (environment): ROUNDS (3), DURATION seconds per run (smoke 5, full 30), WARMUP seconds per client count
# (smoke 3, full 10), CLIENTS ("1 4 16 64"), KEEP_DB=1 keeps the database afterwards.
set -euo pipefail

SIZE=${1:-full}
case "$SIZE" in
  smoke) DURATION=${DURATION:-5}; WARMUP=${WARMUP:-3} ;;
  full) DURATION=${DURATION:-30}; WARMUP=${WARMUP:-10} ;;
  *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;;
esac
ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-"1 4 16 64"}
PAIRS=64  # resources = members; a multiple of every client count, so each wrk thread owns PAIRS/N of them
BENCH_DB=${BENCH_DB:-bench_booking_$SIZE}
# Requests beyond the services' admission limit (pool + cores, decision 30) wait for a slot instead of being refused
# after half a second: this benchmark measures how fast the work is done; bench/overload measures the refusals.
export BOOKING_ADMISSION_MAX_WAIT=${BOOKING_ADMISSION_MAX_WAIT:-PT30S}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/target"
source "$HERE/../common.sh"

for tool in wrk pgbench; do command -v $tool >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
sql() { psql -d "$BENCH_DB" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

build_jars
fresh_database

# Both started as bin/run starts them (same environment variables, default settings); only the heap is capped, so
# that two JVMs and PostgreSQL share the machine predictably.
start_command_side
API="http://localhost:$COMMAND_PORT"
QUERY_PORT=$(free_port)
log "starting the query side on port $QUERY_PORT"
BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
  BOOKING_JWKS_URI="$ISSUER/.well-known/jwks.json" QUERY_SIDE_PORT=$QUERY_PORT \
  java -Xmx512m -jar "$QUERY_JAR" >"$WORK/query-side.log" 2>&1 &
QUERY_PID=$!
PIDS+=($QUERY_PID)
await_health "$QUERY_PORT"

source "$HERE/seed.sh"
seed_pairs
seed_credit_members

# Each wrk run books in its own range of days, starting tomorrow (UTC); the probe booking lies past all of them.
# Two scenarios (card, credits) share the desks, so twice the runs.
RUNS=$(( 2 * $(echo $CLIENTS | wc -w) * (ROUNDS + 1) ))
DAYS=$(( 700 / RUNS ))
DAY0=$(( ($(date +%s) / 86400 + 1) * 86400 ))
log "probing one booking to see what it writes"
before=$(sql "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry")
tasks_before=$(sql "SELECT count(*) FROM command_side.scheduled_tasks")
read -r probe_resource probe_token < <(head -1 "$PAIRS_FILE")
probe_start=$(date -u -d "@$(( DAY0 + 705 * 86400 ))" +%FT%TZ)
probe_end=$(date -u -d "@$(( DAY0 + 705 * 86400 + 900 ))" +%FT%TZ)
curl -sf -X POST "$API/api/bookings" -H "Authorization: Bearer $probe_token" -H 'Content-Type: application/json' \
  -d "{\"resourceId\":\"$probe_resource\",\"start\":\"$probe_start\",\"end\":\"$probe_end\"}" >"$WORK/probe.json"
sleep 1
PROBE_EVENTS=$(sql "SELECT string_agg(regexp_replace(payload_type, '.*\.', '') || ':' || length(payload) || ':'
                    || coalesce(length(meta_data), 0), ' ' ORDER BY global_index)
                    FROM event_store.domain_event_entry WHERE global_index > $before")
PROBE_TASKS=$(( $(sql "SELECT count(*) FROM command_side.scheduled_tasks") - tasks_before ))
TASK_BYTES=$(sql "SELECT coalesce(round(avg(length(task_data))), 0) FROM command_side.scheduled_tasks")
log "one booking appended: $PROBE_EVENTS (type:payload bytes:metadata bytes); $PROBE_TASKS deadline rows of ~$TASK_BYTES bytes remain"

# The baseline's tables: copies of the ledger's and the event store's, with their constraints and indexes
# (INCLUDING ALL brings the GiST exclusion constraint), in a scratch schema of the same database.
psql -qAtX -d "$BENCH_DB" -v ON_ERROR_STOP=1 <<SQL
CREATE SCHEMA bench_pg;
CREATE SEQUENCE bench_pg.slot;
CREATE TABLE bench_pg.domain_event_entry (LIKE event_store.domain_event_entry INCLUDING ALL EXCLUDING DEFAULTS);
CREATE SEQUENCE bench_pg.global_index OWNED BY bench_pg.domain_event_entry.global_index;
ALTER TABLE bench_pg.domain_event_entry ALTER global_index SET DEFAULT nextval('bench_pg.global_index');
CREATE TABLE bench_pg.resource_occupancy (LIKE command_side.resource_occupancy INCLUDING ALL);
CREATE TABLE bench_pg.member_booking (LIKE command_side.member_booking INCLUDING ALL);
CREATE TABLE bench_pg.scheduled_tasks (LIKE command_side.scheduled_tasks INCLUDING ALL);
CREATE TABLE bench_pg.deadline_scope (LIKE command_side.deadline_scope INCLUDING ALL);
CREATE TABLE bench_pg.invoice_counter (LIKE command_side.invoice_counter INCLUDING ALL);
-- The probe booking's own events, copied verbatim into each baseline booking (the event store's indexes read
-- the metadata as JSON, so the sizes alone would not do).
CREATE TABLE bench_pg.template AS
SELECT row_number() OVER (ORDER BY global_index) - 1 AS seq, payload_type, payload, meta_data
FROM event_store.domain_event_entry WHERE global_index > $before;
-- The resources' own events, which the placement reads to quote the terms.
INSERT INTO bench_pg.domain_event_entry (event_identifier, meta_data, payload, payload_type, time_stamp,
                                         aggregate_identifier, sequence_number, type)
SELECT event_identifier, meta_data, payload, payload_type, time_stamp, 'pgres-' || (row_number() OVER () - 1), 0, type
FROM event_store.domain_event_entry WHERE payload_type LIKE '%.ResourceAdded' LIMIT $PAIRS;
SQL

# The pgbench script: one booking's statements in one transaction. Our booking takes two (place; record the payment
# request, which confirms the simulated payment); here they are one, which is the most PostgreSQL could do for it.
SCRIPT="$WORK/booking.sql"
python3 "$HERE/pgbench_script.py" "$SCRIPT" "$PAIRS" "$DAY0" "$PROBE_EVENTS" "$PROBE_TASKS" "$TASK_BYTES" "$SPACES"
# One dry transaction, so that a broken script fails here and not in the middle of the rounds.
pgbench -n -t 1 -f "$SCRIPT" "$BENCH_DB" >/dev/null

RESULTS="$WORK/results.txt"
: >"$RESULTS"
: >"$WORK/wrk.log"
: >"$WORK/pgbench.log"
RUN=0  # counted here, not in wrk_run: the rounds call it in a subshell
# CPU time (clock ticks, user + system) used so far by the given processes. Where the time of a command goes,
# whatever else runs on the machine: the command side, the query side (its projections follow the load), and the
# PostgreSQL backends serving both services' connection pools.
ticks() { # pids
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done | awk '{ sum += $14 + $15 } END { print sum + 0 }'
}
backends() { sql "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND backend_type = 'client backend'
                  AND pid <> pg_backend_pid()"; }
wrk_run() { # clients seconds run [pairs file]; each run books in its own range of days
  local first=$(( DAY0 + $3 * DAYS * 86400 )) pg_pids c0 q0 p0 result
  pg_pids=$(backends | tr '\n' ' ')
  c0=$(ticks $COMMAND_PID); q0=$(ticks $QUERY_PID); p0=$(ticks $pg_pids)
  result=$(wrk -t"$1" -c"$1" -d"$2s" --timeout 60s --latency -s "$HERE/mix.lua" "$API/api/bookings" -- \
    "${4:-$PAIRS_FILE}" "$first" "$DAYS" "$1" | tee -a "$WORK/wrk.log" | grep '^RESULT') ||
    { echo "wrk at $1 clients gave no result; see $WORK/wrk.log" >&2; return 1; }
  echo "$result cpu_command=$(( $(ticks $COMMAND_PID) - c0 ))" \
    "cpu_query=$(( $(ticks $QUERY_PID) - q0 )) cpu_pg=$(( $(ticks $pg_pids) - p0 ))" \
    "ticks_per_second=$(getconf CLK_TCK)"
}
# With both services' connection pools open, PostgreSQL's max_connections (100 here) leaves fewer than 64 for
# pgbench: it then runs with as many clients as there are free connections, less a margin, and says so.
pg_run() { # clients seconds
  local free clients
  free=$(sql "SELECT current_setting('max_connections')::int - count(*) - 4 FROM pg_stat_activity
              WHERE backend_type = 'client backend'")
  clients=$(( $1 < free ? $1 : free ))
  pgbench -n -c "$clients" -j "$(( clients < 2 ? clients : 2 ))" -T "$2" -f "$SCRIPT" "$BENCH_DB" 2>&1 |
    tee -a "$WORK/pgbench.log" |
    awk -v clients="$clients" '/^latency average/ {lat=$4} /^tps/ {tps=$3} /failed transactions/ {failed=$5}
         END {printf "RESULT tps=%s latency=%s failed=%s pgclients=%s\n", tps, lat, (failed == "" ? 0 : failed), clients}'
}
log "warming up (${WARMUP}s per client count)"
for c in $CLIENTS; do
  wrk_run "$c" "$WARMUP" $RUN >/dev/null; RUN=$(( RUN + 1 ))
  wrk_run "$c" "$WARMUP" $RUN "$CREDIT_PAIRS_FILE" >/dev/null; RUN=$(( RUN + 1 ))
  pg_run "$c" "$WARMUP" >/dev/null
done
# The card-paid mix ("ours") and the same mix by the credit members ("credits") back to back, in turns: first one,
# then the other, so that a machine getting busier or a JVM still compiling does not always favour the same one.
scenario_run() { # scenario clients round
  if [ "$1" = ours ]; then
    echo "ours clients=$2 round=$3 $(wrk_run "$2" "$DURATION" $RUN)" | tee -a "$RESULTS"
  else
    echo "credits clients=$2 round=$3 $(wrk_run "$2" "$DURATION" $RUN "$CREDIT_PAIRS_FILE")" | tee -a "$RESULTS"
  fi
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 )); then ORDER="ours credits"; else ORDER="credits ours"; fi
  for c in $CLIENTS; do
    for scenario in $ORDER; do scenario_run "$scenario" "$c" "$round"; RUN=$(( RUN + 1 )); done
    echo "pgbench clients=$c round=$round $(pg_run "$c" "$DURATION")" | tee -a "$RESULTS"
  done
done

# Peak resident memory of each JVM over the whole run, startup and seeding included.
COMMAND_RSS=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$COMMAND_PID/status)
QUERY_RSS=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/$QUERY_PID/status)
EVENTS=$(sql "SELECT count(*) FROM event_store.domain_event_entry")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
RAM=$(free -g | awk '/^Mem:/ {print $2}')
PG=$(psql -qAtX -d postgres -c 'SHOW server_version')
TABLE=$(python3 "$HERE/report.py" "$RESULTS")
CREDIT_TABLE=$(python3 "$HERE/report.py" "$RESULTS" credits)
# How long the credit members' ledgers had grown by the end (each placement loads its member's whole ledger).
LEDGER=$(sql "SELECT round(avg(n)) || ' events on average, ' || max(n) || ' at most' FROM (SELECT count(*) AS n
              FROM event_store.domain_event_entry WHERE type = 'CreditAccount' GROUP BY aggregate_identifier) l")
SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`: wrk ($(echo $CLIENTS | sed 's/ /, /g') clients, one connection per wrk thread) and pgbench interleaved, a ${WARMUP} s warm-up of each per client count, then $ROUNDS rounds of ${DURATION} s; each figure is the median over the rounds. One booking as the probe wrote it (event:payload bytes:metadata bytes): $PROBE_EVENTS; $PROBE_TASKS deadline rows kept. $EVENTS events in the store at the end. Peak RSS (VmHWM): command side $COMMAND_RSS MiB, query side $QUERY_RSS MiB (both -Xmx512m). Machine: $CORES cores, $CPU, ${RAM} GiB RAM, PostgreSQL $PG on the same machine, shared with both services, wrk and pgbench; load average at the end $LOAD."
echo
echo "$SUMMARY"
echo
echo "$TABLE"

write_docs booking-bench "$SIZE" "$SUMMARY"$'

'"$TABLE"

CREDIT_SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`, the same run as the table above: the same mix by $PAIRS members whose credits paid every booking in full (credits) next to the card-paid one (card), back to back at each client count, which of the two first alternating by round; $ROUNDS rounds of ${DURATION} s after a ${WARMUP} s warm-up of each; each figure is the median over the rounds, each ratio credits ÷ card of the medians. Credit members' ledgers at the end: $LEDGER. Load average at the end $LOAD."
echo
echo "$CREDIT_SUMMARY"
echo
echo "$CREDIT_TABLE"
write_docs booking-credits "$SIZE" "$CREDIT_SUMMARY"$'

'"$CREDIT_TABLE"
