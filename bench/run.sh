#!/usr/bin/env bash
# Issue 8's benchmark in one command. See docs/benchmarks.md.
#
#   bench/run.sh [smoke|full]
#
# Builds both services once, then runs each benchmark in turn, each against services it starts itself from their
# jars, with its baseline measured in the same run, and each writing its table into docs/benchmarks.md:
#   booking    booking commands at 1, 4, 16 and 64 clients next to pgbench doing the same SQL; peak RSS
#   queries    availability and "my bookings" on a large history next to pgbench; projection lag under load
#   replay     rebuilding each read model from the first event next to plain JDBC streaming of the event store
#   scale-out  two command-side and two query-side instances next to one of each; segments split and taken over
# smoke takes about half an hour, full a few hours. BENCHES="booking replay" runs fewer. Run it on a
# machine that does nothing else: the figures are ratios to baselines measured alongside, but two cores shared
# with a build are not the machine the figures describe.
set -euo pipefail

SIZE=${1:-smoke}
case "$SIZE" in smoke|full) ;; *) echo "usage: $0 [smoke|full]" >&2; exit 2 ;; esac
HERE=$(cd "$(dirname "$0")" && pwd)
BENCHES=${BENCHES:-booking queries replay scale-out}

echo "[bench $(date +%T)] building the services' jars"
(cd "$HERE/.." && ./mvnw -B -q -DskipTests package -pl command-side,query-side -am)
for bench in $BENCHES; do
  echo "[bench $(date +%T)] $bench ($SIZE)"
  SKIP_BUILD=1 "$HERE/$bench/run.sh" "$SIZE"
done
echo "[bench $(date +%T)] done: the tables are in docs/benchmarks.md"
