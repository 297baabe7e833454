"""Reads bench/booking/run.sh's RESULT lines and prints the Markdown table: medians over the rounds per client
count, ours as a ratio to pgbench's. Fails on a 5xx answer, a socket error or a failed pgbench transaction."""
import re
import statistics
import sys

ours, base = {}, {}
for line in open(sys.argv[1]):
    who = line.split()[0]
    clients = int(re.search(r'clients=(\d+)', line).group(1))
    values = {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', line.split('RESULT', 1)[1])}
    if who == 'ours':
        if any(re.search(r'_5\d\d$', k) for k in values):
            sys.exit(f"a run had 5xx answers: {line.strip()}")
        if values['errors']:
            sys.exit(f"a run had socket errors: {line.strip()}")
        ours.setdefault(clients, []).append(values)
    else:
        if values.get('failed', 0):
            sys.exit(f"pgbench had failed transactions: {line.strip()}")
        base.setdefault(clients, []).append(values)


def median(runs, key):
    return statistics.median(run.get(key, 0) for run in runs)




def cpu_ms(runs, key):
    """CPU milliseconds per command of one part (median over the rounds), from the run's clock ticks."""
    if not all(key in run for run in runs):
        return '–'
    return f"{statistics.median(run[key] / run['ticks_per_second'] * 1000 / run['requests'] for run in runs):.1f}"


print('| clients | commands/s | bookings (201)/s | p50 (ms) | p99 (ms) | pgbench clients | pgbench tps | pgbench mean latency (ms) '
      '| commands/s ÷ pgbench tps | bookings/s ÷ pgbench tps | CPU ms per command: command side / query side / PostgreSQL '
      '| answers over all rounds |')
print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
for clients in sorted(ours):
    runs = ours[clients]
    rps = median(runs, 'rps')
    # Bookings per second: the share of fresh bookings that got 201, times the run's rate.
    booked = statistics.median(run.get('place_201', 0) * run['rps'] / run['requests'] for run in runs)
    tps = median(base[clients], 'tps')
    answers = {}
    for run in runs:
        for key, count in run.items():
            if re.match(r'(place|conflict|cancel)_\d+$', key):
                answers[key] = answers.get(key, 0) + int(count)
    mix = ', '.join(f"{key.replace('_', ' ')}: {count}" for key, count in sorted(answers.items()))
    print(f"| {clients} | {rps:.1f} | {booked:.1f} | {median(runs, 'p50'):.1f} | {median(runs, 'p99'):.1f} "
          f"| {min(int(r['pgclients']) for r in base[clients])} | {tps:.0f} | {median(base[clients], 'latency'):.2f} | {rps / tps:.1%} | {booked / tps:.1%} "
          f"| {cpu_ms(runs, 'cpu_command')} / {cpu_ms(runs, 'cpu_query')} / {cpu_ms(runs, 'cpu_pg')} | {mix} |")
