#!/usr/bin/env bash
# Scale-out benchmark (issue 8): booking commands on one instance of each service next to two of each, all against
# one PostgreSQL, and the query side's processor segments split between two instances and taken over when one
# stops. See docs/scaling.md and docs/benchmarks.md.
#
#   bench/scale-out/run.sh [smoke|full]
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL, starts command side A and query side A from their jars (demo network, simulated payments, default
#    settings but a connection pool of BOOKING_DB_POOL each) and seeds 64 desk/member pairs through the API
#    (bench/booking/seed.sh);
# 2. single: ROUNDS runs of DURATION s of wrk with bench/booking/mix.lua and CLIENTS connections against A;
# 3. starts command side B and query side B on free ports, waits until each query side holds one of every read
#    model's two segments (the time it took is printed) and prints who holds which segment;
# 4. pair: ROUNDS runs of two wrk processes at once, CLIENTS/2 connections each, one per command side, each on its
#    own half of the pairs; their throughput is summed;
# 5. stops query side B gracefully (SIGTERM) and times until A holds every segment; starts B again, waits for the
#    split, kills B (SIGKILL) and times again;
# 6. writes the results into docs/benchmarks.md (between the scale-out-bench markers) unless WRITE_DOCS=0.
#
# Settings (environment): ROUNDS (3), DURATION seconds per run (smoke 10, full 30), WARMUP seconds (smoke 10, full
# 10), CLIENTS (16; 4, 8, 16, 32 or 64), BOOKING_DB_POOL connections per instance (10), KEEP_DB=1 keeps the database.
set -euo pipefail

SIZE=${1:-full}
case "$SIZE" in
  smoke) DURATION=${DURATION:-10}; WARMUP=${WARMUP:-10} ;;
  full) DURATION=${DURATION:-30}; WARMUP=${WARMUP:-10} ;;
  *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;;
esac
ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-16}
PAIRS=64  # as bench/booking: each half (32 pairs) must be a multiple of CLIENTS/2
case "$CLIENTS" in 4|8|16|32|64) ;; *) echo "CLIENTS must be 4, 8, 16, 32 or 64" >&2; exit 2 ;; esac
BENCH_DB=${BENCH_DB:-bench_scale_$SIZE}
HERE=$(cd "$(dirname "$0")" && pwd)
BOOKING_BENCH="$HERE/../booking"
WORK="$HERE/target"
# Four services share PostgreSQL's connections (100 here) with whatever else runs: small pools, the same for all.
export BOOKING_DB_POOL=${BOOKING_DB_POOL:-10}
source "$HERE/../common.sh"
# The read models' pooled processors, 2 segments each (query-side application.yml); notifications has one.
POOLED="availability bookings catalogue dashboards invoices"

command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 1; }
sql() { psql -d "$BENCH_DB" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }

build_jars
fresh_database

start_command_side
API="http://localhost:$COMMAND_PORT"
COMMAND_A_PORT=$COMMAND_PORT

# Started here rather than in common.sh, which starts one command side: STARTED_PORT, STARTED_PID.
start_query_side() { # name
  STARTED_PORT=$(free_port)
  log "starting query side $1 on port $STARTED_PORT"
  BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
    BOOKING_JWKS_URI="$ISSUER/.well-known/jwks.json" QUERY_SIDE_PORT=$STARTED_PORT \
    java -Xmx512m -jar "$QUERY_JAR" >>"$WORK/query-side-$1.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
  await_health "$STARTED_PORT"
}
start_second_command_side() {
  COMMAND_B_PORT=$(free_port)
  log "starting command side B on port $COMMAND_B_PORT"
  BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
    COMMAND_SIDE_PORT=$COMMAND_B_PORT java -Xmx512m -jar "$COMMAND_JAR" >"$WORK/command-side-B.log" 2>&1 &
  PIDS+=($!)
  await_health "$COMMAND_B_PORT"
}
rm -f "$WORK"/query-side-*.log
start_query_side A
QUERY_A_PID=$STARTED_PID

source "$BOOKING_BENCH/seed.sh"
seed_pairs
head -32 "$PAIRS_FILE" >"$WORK/pairs-a.txt"
tail -32 "$PAIRS_FILE" >"$WORK/pairs-b.txt"

# Claims, read from the shared token table: owner is the claiming JVM's pid@host.
# One query per poll: a busy PostgreSQL's connections are few.
split_evenly() { # pid-a pid-b: each holds one segment of every pooled processor
  [ "$(sql "SELECT count(*) FROM (SELECT processor_name FROM query_side.token_entry
            WHERE processor_name IN ('$(echo $POOLED | sed "s/ /','/g")') GROUP BY 1
            HAVING count(*) FILTER (WHERE owner LIKE '$1@%') = 1 AND count(*) FILTER (WHERE owner LIKE '$2@%') = 1) s")" \
    = "$(echo $POOLED | wc -w)" ]
}
all_held_by() { # pid: holds every segment of every processor
  [ "$(sql "SELECT count(*) FROM query_side.token_entry WHERE processor_name NOT LIKE '%.rebuild'
            AND (owner IS NULL OR owner NOT LIKE '$1@%')")" = 0 ]
}
await_condition() { # seconds command...: polls every 0.2 s
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for: $*" >&2; return 1; }
    sleep 0.2
  done
}
claims_table() { # pid-a pid-b
  echo "| processor | segments | held by query side A | held by query side B | unclaimed |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  sql "SELECT processor_name, count(*), count(*) FILTER (WHERE owner LIKE '$1@%'),
              count(*) FILTER (WHERE owner LIKE '$2@%'), count(*) FILTER (WHERE owner IS NULL)
       FROM query_side.token_entry WHERE processor_name NOT LIKE '%.rebuild' GROUP BY 1 ORDER BY 1" |
    awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
}

# Each run books in its own range of days, starting tomorrow (UTC).
RUNS=$(( 2 * (ROUNDS + 1) ))
DAYS=$(( 700 / RUNS ))
DAY0=$(( ($(date +%s) / 86400 + 1) * 86400 ))
RUN=0
RESULTS="$WORK/results.txt"
: >"$RESULTS"
: >"$WORK/wrk.log"
wrk_run() { # port clients seconds run pairs-file
  local first=$(( DAY0 + $4 * DAYS * 86400 ))
  wrk -t"$2" -c"$2" -d"$3s" --timeout 60s --latency -s "$BOOKING_BENCH/mix.lua" "http://localhost:$1/api/bookings" -- \
    "$5" "$first" "$DAYS" "$2" | tee -a "$WORK/wrk.log" | grep '^RESULT' ||
    { echo "wrk against port $1 gave no result; see $WORK/wrk.log" >&2; return 1; }
}
single_run() { # seconds
  wrk_run "$COMMAND_A_PORT" "$CLIENTS" "$1" $RUN "$PAIRS_FILE"
  RUN=$(( RUN + 1 ))
}
pair_run() { # seconds; both command sides at once, half the clients and half the pairs each
  wrk_run "$COMMAND_A_PORT" $(( CLIENTS / 2 )) "$1" $RUN "$WORK/pairs-a.txt" >"$WORK/pair-a.out" &
  local a=$!
  wrk_run "$COMMAND_B_PORT" $(( CLIENTS / 2 )) "$1" $RUN "$WORK/pairs-b.txt" >"$WORK/pair-b.out" &
  local b=$!
  wait $a && wait $b
  echo "a: $(cat "$WORK/pair-a.out") b: $(cat "$WORK/pair-b.out")"
  RUN=$(( RUN + 1 ))
}

log "single: one command side, one query side, $CLIENTS clients (warm-up ${WARMUP}s, then $ROUNDS runs of ${DURATION}s)"
single_run "$WARMUP" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "single round=$round $(single_run "$DURATION")" | tee -a "$RESULTS"
  RUN=$(( RUN + 1 ))  # single_run ran in a subshell
done

start_second_command_side
started=$(now)
start_query_side B
QUERY_B_PID=$STARTED_PID
healthy=$(now)
await_condition 120 split_evenly "$QUERY_A_PID" "$QUERY_B_PID"
SPLIT_AFTER=$(since "$healthy")
SPLIT_FROM_START=$(since "$started")
log "segments split ${SPLIT_AFTER}s after query side B answered its health check (${SPLIT_FROM_START}s after its start)"
CLAIMS=$(claims_table "$QUERY_A_PID" "$QUERY_B_PID")
echo "$CLAIMS"

log "pair: two command sides, two query sides, $(( CLIENTS / 2 )) clients on each command side"
pair_run "$WARMUP" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "pair round=$round $(pair_run "$DURATION")" | tee -a "$RESULTS"
  RUN=$(( RUN + 1 ))
done
CLAIMS_AFTER_LOAD=$(claims_table "$QUERY_A_PID" "$QUERY_B_PID")

log "stopping query side B gracefully (SIGTERM)"
stopped=$(now)
kill -TERM "$QUERY_B_PID"
await_condition 120 all_held_by "$QUERY_A_PID"
TAKEOVER_GRACEFUL=$(since "$stopped")
wait "$QUERY_B_PID" 2>/dev/null || true
log "query side A held every segment ${TAKEOVER_GRACEFUL}s after the SIGTERM"

start_query_side B
QUERY_B_PID=$STARTED_PID
healthy=$(now)
await_condition 120 split_evenly "$QUERY_A_PID" "$QUERY_B_PID"
RESPLIT_AFTER=$(since "$healthy")
log "split again ${RESPLIT_AFTER}s after query side B answered its health check; killing it (SIGKILL)"
killed=$(now)
kill -KILL "$QUERY_B_PID"
await_condition 120 all_held_by "$QUERY_A_PID"
TAKEOVER_KILLED=$(since "$killed")
log "query side A held every segment ${TAKEOVER_KILLED}s after the SIGKILL"

EVENTS=$(sql "SELECT count(*) FROM event_store.domain_event_entry")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
CORES=$(nproc)
PG=$(psql -qAtX -d postgres -c 'SHOW server_version')
TABLE=$(python3 "$HERE/report.py" "$RESULTS")
SUMMARY="Run $(date -u +%FT%TZ), size \`$SIZE\`: $CLIENTS clients in all; single = one command side and one query side, then pair = two of each (two wrk processes of $(( CLIENTS / 2 )) connections, one per command side, each on its own 32 desks and members); a ${WARMUP} s warm-up of each, then $ROUNDS runs of ${DURATION} s, medians. Connection pool $BOOKING_DB_POOL per instance, -Xmx512m each. $EVENTS events in the store at the end. Machine: $CORES cores, $CPU, PostgreSQL $PG, all four services, wrk and PostgreSQL on the same machine; load average at the end $LOAD."
FAILOVER="| what | seconds |
| --- | ---: |
| query side B started, until each query side holds one segment of every read model (from its health check answering) | $SPLIT_AFTER |
| query side B stopped gracefully (SIGTERM), until query side A holds every segment | $TAKEOVER_GRACEFUL |
| query side B started again, until the segments are split again (from its health check answering) | $RESPLIT_AFTER |
| query side B killed (SIGKILL), until query side A holds every segment | $TAKEOVER_KILLED |"
REPORT="$SUMMARY

$TABLE

Claims in \`query_side.token_entry\` once both query sides ran (after the pair runs they were the same: $( [ "$CLAIMS" = "$CLAIMS_AFTER_LOAD" ] && echo yes || echo no)):

$CLAIMS

$FAILOVER"
echo
echo "$REPORT"

write_docs scale-out-bench "$SIZE" "$REPORT"
