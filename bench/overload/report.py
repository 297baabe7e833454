"""The overload run's table for docs/reliability.md, from results.txt, the liveness probes and the admission log."""
import re
import sys
from datetime import datetime, timezone

(results, liveness, admission, size, peak_connections, over_connections, peak_seconds, over_seconds, after_seconds,
 factor, cores, load, warmup) = sys.argv[1:]

runs, recovery, lost = {}, {}, {}
for line in open(results):
    name, rest = line.split(' ', 1)
    values = dict(re.findall(r'(\S+)=(\S+)', rest))
    if name in ('peak', 'overload', 'after'):
        runs[name] = values
    elif name == 'recovery':
        recovery = values
    elif name == 'lost':
        lost = values


def statuses(values):
    counts = {}
    for key, count in values.items():
        match = re.fullmatch(r'(?:place|conflict|cancel)_(\d+)', key)
        if match:
            counts[int(match.group(1))] = counts.get(int(match.group(1)), 0) + int(count)
    return counts


def codes(values):
    return ', '.join(f"{key[len('code_'):]}: {count}" for key, count in sorted(values.items())
                     if key.startswith('code_')) or '—'


rows = []
connections = {'peak': peak_connections, 'overload': over_connections, 'after': peak_connections}
seconds = {'peak': peak_seconds, 'overload': over_seconds, 'after': after_seconds}
peak_rps = float(runs['peak']['rps'])
for name in ('peak', 'overload', 'after'):
    values = runs[name]
    counts = statuses(values)
    two = sum(c for s, c in counts.items() if 200 <= s < 300)
    other_5xx = sum(c for s, c in counts.items() if s >= 500 and s != 503)
    other = sum(c for s, c in counts.items() if not (200 <= s < 300 or s in (409, 429) or s >= 500))
    target = f"{peak_rps * float(factor):.1f}" if name == 'overload' else 'as fast as answered'
    rows.append(f"| {name} | {connections[name]} | {seconds[name]} | {target} | {float(values['rps']):.1f} | "
                f"{int(values['requests']) + int(values['errors'])} | {two} | {counts.get(409, 0)} | "
                f"{counts.get(429, 0)} | {counts.get(503, 0)} | {other_5xx} | {other} | {values['errors']} | "
                f"{float(values['p50']):.1f} | {float(values['p99']):.1f} | {codes(values)} |")

probes = [line.split() for line in open(liveness) if line.strip()]
alive = sum(1 for status, _ in probes if status == '200')
slowest = max((float(seconds_) for _, seconds_ in probes), default=0.0)
limits = '; '.join(line.strip() for line in open(admission) if line.strip())

print(f"Run {datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%SZ}, size `{size}`: bench/booking's mix, {cores} cores, "
      f"load average at the end {load}. Admission (command side; query side): {limits}. Peak: wrk at "
      f"{peak_connections} connections, as fast as answered, after a {warmup} s warm-up; "
      f"overload: paced at {factor} x the peak over {over_connections} connections (bench/queries/paced.lua); after: "
      f"as the peak, right after the recovery probe.")
print()
print("| run | connections | seconds | target requests/s | achieved requests/s | sent | 2xx | 409 | 429 | 503 | "
      "other 5xx | other | socket errors | p50 (ms) | p99 (ms) | 503/429 by code |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
print('\n'.join(rows))
print()
print(f"Liveness while overloaded: {alive} of {len(probes)} probes of both services answered 200, the slowest in "
      f"{slowest * 1000:.0f} ms. Recovery: the first booking after the load was answered 201 "
      f"{float(recovery['seconds']) * 1000:.0f} ms after wrk stopped (attempt {recovery['attempts']}). Nothing lost: "
      f"{lost['acknowledged']} bookings answered 201, {lost['placed']} BookingPlaced appended in the run (wrk closes "
      f"its connections at the end of a run without reading the answers still on their way: those bookings were "
      f"placed but not counted); the bookings read model holds {lost['read_model']} bookings, the event store "
      f"{lost['store']}. Every 503 carried Retry-After unless its code says NO_RETRY_AFTER.")
