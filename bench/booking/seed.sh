# The booking benchmarks' network, seeded through the real API (sourced by bench/booking/run.sh and
# bench/scale-out/run.sh after common.sh, with API, WORK, PAIRS and json() set): SPACES spaces in UTC (default 8)
# with PAIRS desks between them, open around the clock (15-minute slots, two years ahead), and PAIRS members, member
# m booking only desk m (mix.lua says why), desk m in space (m - 1) % SPACES. Several spaces because a network has
# them, and because a space's invoices are numbered without gaps: its confirmations take turns on its counter
# row (docs/benchmarks.md). seed_pairs writes "resource token" of pair m to line m of $PAIRS_FILE.
# seed_credit_members (after seed_pairs) adds PAIRS members who pay with credits: see there.
SPACES=${SPACES:-8}


seed_pairs() {
  log "seeding $SPACES spaces with $PAIRS resources and $PAIRS members through the API"
  ADMIN=$(token admin@demo.coworkly.test admin-demo-password)
  # A late window of zero hours: every cancellation here is an on-time one (full refund, no fee), as most are.
  SPACE_IDS=()
  for n in $(seq 1 "$SPACES"); do
    SPACE_IDS+=("$(post "$ADMIN" /api/spaces "{\"name\":\"Bench Hall $n\",\"timeZone\":\"UTC\",\"currency\":\"EUR\",
      \"vatRatePercent\":21,\"cancellationPolicy\":{\"lateWindowHours\":0,\"lateFeePercent\":0},
      \"address\":{\"street\":\"Benchstraat $n\",\"postalCode\":\"1000 AA\",\"city\":\"Amsterdam\",
      \"countryCode\":\"NL\"}}" | json '["spaceId"]')")
  done
  WINDOWS=$(python3 -c 'import json; print(json.dumps([{"day": d, "opens": "00:00", "closes": "00:00"} for d in
    ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]]))')
  PAIRS_FILE="$WORK/pairs.txt"
  RUN_ID=$(date +%s)
  seed_pair() { # m: adds resource m, registers member m, writes "resource token" to pair-m
    local resource email
    resource=$(post "$ADMIN" "/api/spaces/${SPACE_IDS[$(( (m - 1) % SPACES ))]}/resources" "{\"kind\":\"DESK\",\"name\":\"Desk $m\",\"capacity\":1,
      \"hourlyPrice\":{\"amount\":400,\"currency\":\"EUR\"},\"openingHours\":$WINDOWS,\"slotMinutes\":15,
      \"minimumMinutes\":15,\"maximumMinutes\":60,\"horizonDays\":730}" | json '["resourceId"]')
    email="bench-$RUN_ID-$m@bench.coworkly.test"
    post "" /api/members "{\"email\":\"$email\",\"name\":\"Bench Member $m\",\"password\":\"bench-password-$m\"}" >/dev/null
    echo "$resource $(token "$email" "bench-password-$m")" >"$WORK/pair-$m"
  }
  # Eight at a time: registration and tokens hash passwords, which is slow one by one and not what is measured.
  # (A bare wait would also wait for the services, which are background jobs too.)
  SEEDERS=()
  for m in $(seq 1 $PAIRS); do
    seed_pair "$m" &
    SEEDERS+=($!)
    if (( m % 8 == 0 )); then wait "${SEEDERS[@]}" || true; SEEDERS=(); fi
  done
  for m in $(seq 1 $PAIRS); do
    [ "$(wc -w <"$WORK/pair-$m" 2>/dev/null)" = 2 ] || { echo "seeding pair $m failed" >&2; exit 1; }
    cat "$WORK/pair-$m"
  done >"$PAIRS_FILE"
  rm -f "$WORK"/pair-*
}

# The credit scenario's members (bench/booking only): a plan of the network granting 1,000,000 desk minutes a month
# (the API's most; 15-minute slots make that 66,666 bookings a member, far more than any run places, and a
# cancellation gives its minutes back), and PAIRS more members, each subscribed to it. Without a Stripe key the
# simulated billing collects the first month at once, so the subscription itself records the paid period and the
# ledger's grant, as a member who has paid would have them; no webhook, no seeding past the API. Credit member m
# books desk m too (in run days of its own, as every run): writes "resource token" to line m of $CREDIT_PAIRS_FILE.
seed_credit_members() {
  log "seeding $PAIRS members with credits for every booking they will place (plan of 1,000,000 desk minutes)"
  # An id as the API writes it: a plain string or {"value": ...}.
  id_of() { python3 -c "import json,sys; v=json.load(sys.stdin)['$1']; print(v['value'] if isinstance(v, dict) else v)"; }
  CREDIT_PLAN=$(post "$ADMIN" /api/plans '{"name":"Bench Desk Credits","monthlyPrice":{"amount":9900,"currency":"EUR"},
    "credits":{"minutes":1000000,"resourceKinds":["DESK"]}}' | id_of planId)
  CREDIT_PAIRS_FILE="$WORK/credit-pairs.txt"
  seed_credit_member() { # m: registers credit member m, subscribes it, writes "resource token" to credit-pair-m
    local email member_token
    email="bench-$RUN_ID-credit-$m@bench.coworkly.test"
    post "" /api/members "{\"email\":\"$email\",\"name\":\"Bench Credit Member $m\",\"password\":\"bench-password-$m\"}" >/dev/null
    member_token=$(token "$email" "bench-password-$m")
    post "$member_token" /api/memberships "{\"planId\":\"$CREDIT_PLAN\"}" >/dev/null
    echo "$(sed -n "${m}p" "$PAIRS_FILE" | cut -d' ' -f1) $member_token" >"$WORK/credit-pair-$m"
  }
  SEEDERS=()
  for m in $(seq 1 $PAIRS); do
    seed_credit_member "$m" &
    SEEDERS+=($!)
    if (( m % 8 == 0 )); then wait "${SEEDERS[@]}" || true; SEEDERS=(); fi
  done
  for m in $(seq 1 $PAIRS); do
    [ "$(wc -w <"$WORK/credit-pair-$m" 2>/dev/null)" = 2 ] || { echo "seeding credit member $m failed" >&2; exit 1; }
    cat "$WORK/credit-pair-$m"
  done >"$CREDIT_PAIRS_FILE"
  rm -f "$WORK"/credit-pair-*
  # Every one of them must hold its grant before the rounds: a member without one would book by card unnoticed.
  local granted
  granted=$(psql -d "$BENCH_DB" -qAtX -c "SELECT count(DISTINCT aggregate_identifier) FROM event_store.domain_event_entry
                                          WHERE payload_type LIKE '%.CreditsGranted'")
  [ "$granted" -ge "$PAIRS" ] || { echo "only $granted of $PAIRS credit members hold a grant" >&2; exit 1; }
}
