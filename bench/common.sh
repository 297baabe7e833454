# What every benchmark in bench/ does the same way, sourced by each run.sh after it has set BENCH_DB and WORK:
# the local PostgreSQL, the services' jars, free ports, a fresh database, the command side started as bin/run
# starts it, and clean-up on exit (processes stopped, the database dropped unless KEEP_DB=1).

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB"
mkdir -p "$WORK"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
log() { echo "[bench $(date +%T)] $*"; }

await_health() { # port
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$1/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "service on port $1 did not become healthy; see $WORK/*.log" >&2
  exit 1
}

# Builds both services' jars unless SKIP_BUILD=1, and names them.
build_jars() {
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building the services' jars"
    (cd "$ROOT" && ./mvnw -B -q -o -DskipTests package -pl command-side,query-side -am)
  fi
  COMMAND_JAR=$(ls "$ROOT"/command-side/target/command-side-*-exec.jar)
  QUERY_JAR=$(ls "$ROOT"/query-side/target/query-side-*-exec.jar)
}

# Every process a script starts goes into PIDS (a query side it restarts is QUERY_PID): stopped on exit.
PIDS=()
QUERY_PID=""
cleanup() {
  for pid in $QUERY_PID "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in $QUERY_PID "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_DB:-0}" != 1 ]; then psql -qAtX -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" || true; fi
}
trap cleanup EXIT

fresh_database() {
  psql -qAtX -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB"
}

# The command side on a free port (COMMAND_PORT, COMMAND_PID; ISSUER for the query side's tokens), with the demo
# network and bin/run's environment; extra arguments go to the service.
start_command_side() {
  COMMAND_PORT=$(free_port)
  ISSUER="http://localhost:$COMMAND_PORT"
  log "starting the command side on port $COMMAND_PORT"
  BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
    COMMAND_SIDE_PORT=$COMMAND_PORT BOOKING_DEMO=true \
    java -Xmx512m -jar "$COMMAND_JAR" "$@" >"$WORK/command-side.log" 2>&1 &
  COMMAND_PID=$!
  PIDS+=("$COMMAND_PID")
  await_health "$COMMAND_PORT"
}

# The query side on QUERY_PORT, as bin/run starts it, appending to $WORK/query-side.log (a script that restarts it
# keeps one log); QUERY_PID names it for the clean-up. Extra arguments go to the service.
start_query_side() {
  BOOKING_DB_URL=$DB_URL BOOKING_DB_USER=$PGUSER BOOKING_DB_PASSWORD= BOOKING_ISSUER=$ISSUER \
    BOOKING_JWKS_URI="$ISSUER/.well-known/jwks.json" QUERY_SIDE_PORT=$QUERY_PORT \
    java -Xmx1g -jar "$QUERY_JAR" "$@" >>"$WORK/query-side.log" 2>&1 &
  QUERY_PID=$!
  await_health "$QUERY_PORT"
}

# The API's helpers, for scripts that set API (the command side's address).
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token() { # email password
  curl -sf -X POST "$API/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json '["access_token"]'
}
post() { # token (empty: anonymous) path body; prints the answer, and on a refusal fails with it
  local auth=() out
  if [ -n "$1" ]; then auth=(-H "Authorization: Bearer $1"); fi
  out=$(curl -s -w '\n%{http_code}' -X POST "$API$2" "${auth[@]}" -H 'Content-Type: application/json' -d "$3")
  case "${out##*$'\n'}" in
    2??) echo "${out%$'\n'*}" ;;
    *) echo "POST $2 answered ${out##*$'\n'}: ${out%$'\n'*}" >&2; return 1 ;;
  esac
}

# Puts text into docs/benchmarks.md (or BENCH_DOC) between <!-- name:size:begin --> and <!-- name:size:end -->,
# unless WRITE_DOCS=0. A missing marker fails the script: results are never dropped without a word.
write_docs() { # name size text
  [ "${WRITE_DOCS:-1}" = 1 ] || return 0
  local doc=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
  python3 - "$doc" "$1" "$2" "$3" <<'PY' || return 1
import sys
doc, name, size, text = sys.argv[1:]
begin, end = f'<!-- {name}:{size}:begin -->', f'<!-- {name}:{size}:end -->'
content = open(doc).read()
if begin not in content:
    sys.exit(f'{doc} has no {begin} marker: results not written')
head, rest = content.split(begin, 1)
open(doc, 'w').write(head + begin + '\n' + text + '\n' + end + rest.split(end, 1)[1])
PY
  log "$1 results written to ${doc#$ROOT/}"
}
