#!/usr/bin/env bash
# Drives the booking mix at twice its peak and reports how the services answer, whether they recover when the load
# drops, and whether any acknowledged booking was lost. See docs/reliability.md ("Poison and overload").
#
#   bench/overload/run.sh [smoke|full]
#
# 1. builds both services' jars (SKIP_BUILD=1 to use the ones in target/), creates database $BENCH_DB on the local
#    PostgreSQL, starts the command side (demo network, simulated payments) and the query side from their jars with
#    their default settings (admission control derived from BOOKING_DB_POOL and the cores, decision 30), and seeds
#    bench/booking's network through the API (bench/booking/seed.sh: PAIRS desks and members);
# 2. peak: after a warm-up of WARMUP seconds, bench/booking/mix.lua with wrk at PEAK_CONNECTIONS for PEAK_SECONDS, as
#    bench/booking measures it (every run goes through codes.lua, which also tallies the problem code of each 503
#    and 429);
# 3. overload: the same mix paced at FACTOR (2) times that rate (bench/queries/paced.lua) over CONNECTIONS_FACTOR (4)
#    times as many connections, for OVER_SECONDS, while both services' liveness probes are polled every half second;
# 4. recovery: as soon as wrk has stopped, one fresh booking at a time until one is answered 201: the time from the
#    load's end to that answer; then the mix again at PEAK_CONNECTIONS for AFTER_SECONDS;
# 5. nothing lost: every 201 must have its BookingPlaced in the event store, and every placed booking must reach
#    the bookings read model;
# 6. prints the table and writes it into docs/reliability.md (between the overload markers) unless WRITE_DOCS=0.
#
# Settings (environment): PEAK_CONNECTIONS (smoke 8, full 16), WARMUP (smoke 10, full 20), PEAK_SECONDS (smoke 10, full 30), OVER_SECONDS
# (smoke 20, full 60), AFTER_SECONDS (smoke 5, full 15), FACTOR (2), CONNECTIONS_FACTOR (4), BOOKING_DB_POOL (10 per
# service: the machine's PostgreSQL has 100 connections), PGPORT (5432), KEEP_DB=1 keeps the database afterwards.
# On a shared machine run it niced (nice -n 19 bench/overload/run.sh smoke): the figures are then a functional check.
set -euo pipefail

SIZE=${1:-smoke}
case "$SIZE" in
  smoke) PEAK_CONNECTIONS=${PEAK_CONNECTIONS:-8}; WARMUP=${WARMUP:-10}; PEAK_SECONDS=${PEAK_SECONDS:-10}
         OVER_SECONDS=${OVER_SECONDS:-20}; AFTER_SECONDS=${AFTER_SECONDS:-5} ;;
  full) PEAK_CONNECTIONS=${PEAK_CONNECTIONS:-16}; WARMUP=${WARMUP:-20}; PEAK_SECONDS=${PEAK_SECONDS:-30}
        OVER_SECONDS=${OVER_SECONDS:-60}; AFTER_SECONDS=${AFTER_SECONDS:-15} ;;
  *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;;
esac
FACTOR=${FACTOR:-2}
CONNECTIONS_FACTOR=${CONNECTIONS_FACTOR:-4}
OVER_CONNECTIONS=$(( PEAK_CONNECTIONS * CONNECTIONS_FACTOR ))
PAIRS=$OVER_CONNECTIONS  # mix.lua gives each connection its own desks: a multiple of every connection count
BENCH_DB=${BENCH_DB:-bench_overload_$SIZE}
export BOOKING_DB_POOL=${BOOKING_DB_POOL:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK="$HERE/target"
source "$HERE/../common.sh"

command -v wrk >/dev/null || { echo "wrk is needed" >&2; exit 1; }
sql() { psql -d "$BENCH_DB" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

build_jars
fresh_database
start_command_side
API="http://localhost:$COMMAND_PORT"
QUERY_PORT=$(free_port)
log "starting the query side on port $QUERY_PORT"
: >"$WORK/query-side.log"  # start_query_side appends; the admission line read below must be this run's
start_query_side
QUERY_API="http://localhost:$QUERY_PORT"
source "$ROOT/bench/booking/seed.sh"
seed_pairs
grep -h 'Admission:' "$WORK/command-side.log" "$WORK/query-side.log" | sed 's/.*Admission: //' >"$WORK/admission.txt"

# Each wrk run (peak 0, overload 1, after 2, warm-up 3) books in its own range of days (mix.lua), starting tomorrow
# (UTC); the recovery probe past them all.
DAYS=175
DAY0=$(( ($(date +%s) / 86400 + 1) * 86400 ))
mix_run() { # script connections seconds run [rate]
  wrk -t"$2" -c"$2" -d"$3s" --timeout 30s --latency -s "$1" "$API/api/bookings" -- \
    "$PAIRS_FILE" "$(( DAY0 + $4 * DAYS * 86400 ))" "$DAYS" "$2" ${5:-} |
    tee -a "$WORK/wrk.log" | grep '^RESULT' || { echo "wrk gave no result; see $WORK/wrk.log" >&2; return 1; }
}
export BOOKING_MIX_LUA="$ROOT/bench/booking/mix.lua"
placed() { sql "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%.BookingPlaced'"; }
: >"$WORK/wrk.log"
RESULTS="$WORK/results.txt"
: >"$RESULTS"

log "warming up: the booking mix at $PEAK_CONNECTIONS connections for ${WARMUP}s"
mix_run "$HERE/codes.lua" "$PEAK_CONNECTIONS" "$WARMUP" 3 >/dev/null
PLACED_BEFORE=$(placed)
log "peak: the booking mix at $PEAK_CONNECTIONS connections for ${PEAK_SECONDS}s"
echo "peak $(mix_run "$HERE/codes.lua" "$PEAK_CONNECTIONS" "$PEAK_SECONDS" 0)" | tee -a "$RESULTS"
PEAK_RPS=$(grep '^peak' "$RESULTS" | sed 's/.*rps=\([0-9.]*\).*/\1/')
TARGET_RPS=$(python3 -c "print(round($PEAK_RPS * $FACTOR, 1))")

# Liveness of both services, every half second while overloaded: status and seconds.
probe_liveness() {
  local until=$(( $(date +%s) + OVER_SECONDS ))
  while [ "$(date +%s)" -lt "$until" ]; do
    for port in "$COMMAND_PORT" "$QUERY_PORT"; do
      curl -s -o /dev/null -m 10 -w "%{http_code} %{time_total}\n" "http://localhost:$port/actuator/health/liveness" || true
    done
    sleep 0.5
  done >"$WORK/liveness.txt"
}
log "overload: the mix paced at $TARGET_RPS requests/s ($FACTOR x peak) over $OVER_CONNECTIONS connections for ${OVER_SECONDS}s"
probe_liveness &
PROBE_PID=$!
PIDS+=("$PROBE_PID")
export MIX_LUA="$HERE/codes.lua"
echo "overload $(mix_run "$ROOT/bench/queries/paced.lua" "$OVER_CONNECTIONS" "$OVER_SECONDS" 1 "$TARGET_RPS")" |
  tee -a "$RESULTS"
LOAD_ENDED=$(date +%s.%N)
wait "$PROBE_PID" || true

# The first booking after the load: one request at a time, on pair 1's desk past every run's days.
read -r probe_resource probe_token < <(head -1 "$PAIRS_FILE")
attempts=0
while :; do
  attempts=$(( attempts + 1 ))
  start=$(date -u -d "@$(( DAY0 + 705 * 86400 + attempts * 900 ))" +%FT%TZ)
  end=$(date -u -d "@$(( DAY0 + 705 * 86400 + attempts * 900 + 900 ))" +%FT%TZ)
  status=$(curl -s -o /dev/null -m 30 -w '%{http_code}' -X POST "$API/api/bookings" \
    -H "Authorization: Bearer $probe_token" -H 'Content-Type: application/json' \
    -d "{\"resourceId\":\"$probe_resource\",\"start\":\"$start\",\"end\":\"$end\"}" || echo 000)
  [ "$status" = 201 ] && break
  [ "$attempts" -lt 600 ] || { echo "no booking succeeded after the load; see $WORK/*.log" >&2; exit 1; }
  sleep 0.05
done
RECOVERED=$(python3 -c "import time; print(round(time.time() - $LOAD_ENDED, 3))")
echo "recovery seconds=$RECOVERED attempts=$attempts" | tee -a "$RESULTS"

log "after: the booking mix at $PEAK_CONNECTIONS connections for ${AFTER_SECONDS}s"
echo "after $(mix_run "$HERE/codes.lua" "$PEAK_CONNECTIONS" "$AFTER_SECONDS" 2)" | tee -a "$RESULTS"

# Nothing lost: the 201s (of the runs and the recovery probe) against what the event store and the read model hold.
PLACED=$(( $(placed) - PLACED_BEFORE ))
ACKNOWLEDGED=$(python3 - "$RESULTS" <<'PY'
import re, sys
total = 1  # the recovery probe's 201
for line in open(sys.argv[1]):
    total += sum(int(n) for n in re.findall(r'\b(?:place|conflict)_201=(\d+)', line))
print(total)
PY
)
log "waiting for the bookings read model to hold every placed booking"
for _ in $(seq 1 120); do
  [ "$(sql "SELECT count(*) FROM query_side.booking_view")" = "$(placed)" ] && break
  sleep 1
done
READ_MODEL=$(sql "SELECT count(*) FROM query_side.booking_view")
STORE=$(placed)
echo "lost placed=$PLACED acknowledged=$ACKNOWLEDGED store=$STORE read_model=$READ_MODEL" | tee -a "$RESULTS"

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
REPORT=$(python3 "$HERE/report.py" "$RESULTS" "$WORK/liveness.txt" "$WORK/admission.txt" "$SIZE" "$PEAK_CONNECTIONS" \
  "$OVER_CONNECTIONS" "$PEAK_SECONDS" "$OVER_SECONDS" "$AFTER_SECONDS" "$FACTOR" "$(nproc)" "$LOAD" "$WARMUP")
echo
echo "$REPORT"
BENCH_DOC="$ROOT/docs/reliability.md" write_docs overload "$SIZE" "$REPORT"
[ "$ACKNOWLEDGED" -le "$PLACED" ] && [ "$READ_MODEL" = "$STORE" ] ||
  { echo "an acknowledged booking is missing: see the last table" >&2; exit 1; }
