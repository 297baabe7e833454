"""Reads bench/booking/run.sh's RESULT lines and prints the Markdown table: medians over the rounds per client
count, ours as a ratio to pgbench's. With "credits" after the file: the credit members' runs next to the card-paid
ones, credits as a ratio to card, failing if any credit member's booking was paid by card, in full or in part. Fails
on a 5xx answer, a socket error or a failed pgbench transaction."""
import re
import statistics
import sys

ours, base, credits = {}, {}, {}
for line in open(sys.argv[1]):
    who = line.split()[0]
    clients = int(re.search(r'clients=(\d+)', line).group(1))
    values = {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', line.split('RESULT', 1)[1])}
    values['round'] = int(re.search(r'round=(\d+)', line).group(1))
    if who in ('ours', 'credits'):
        if any(re.search(r'_5\d\d$', k) for k in values):
            sys.exit(f"a run had 5xx answers: {line.strip()}")
        if values['errors']:
            sys.exit(f"a run had socket errors: {line.strip()}")
        if who == 'credits' and (values.get('paid_card', 0) or values.get('paid_part', 0)):
            sys.exit(f"a credit member's booking was paid by card: {line.strip()}")
        (ours if who == 'ours' else credits).setdefault(clients, []).append(values)
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


def cpu_total(runs):
    """All three parts' CPU milliseconds per command (median over the rounds)."""
    return statistics.median((run['cpu_command'] + run['cpu_query'] + run['cpu_pg']) / run['ticks_per_second'] * 1000
                             / run['requests'] for run in runs)


def answers(runs, pattern=r'(place|conflict|cancel)_\d+$'):
    counts = {}
    for run in runs:
        for key, count in run.items():
            if re.match(pattern, key):
                counts[key] = counts.get(key, 0) + int(count)
    return ', '.join(f"{key.replace('_', ' ')}: {count}" for key, count in sorted(counts.items()))


if sys.argv[2:] == ['credits']:
    print('| clients | card commands/s | credits commands/s | credits ÷ card | card p50 (ms) | credits p50 (ms) '
          '| credits ÷ card | card p99 (ms) | credits p99 (ms) | credits ÷ card '
          '| CPU ms per command, all parts: card / credits | credits ÷ card (CPU) | credits ÷ card, each round (commands/s) '
          '| credit members\' answers over all rounds | how their bookings were paid |')
    print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |')
    for clients in sorted(credits):
        card, paid = ours[clients], credits[clients]
        rps, p50, p99 = (median(card, k) for k in ('rps', 'p50', 'p99'))
        c_rps, c_p50, c_p99 = (median(paid, k) for k in ('rps', 'p50', 'p99'))
        cpu, c_cpu = cpu_total(card), cpu_total(paid)
        rounds = {int(r['round']): r['rps'] for r in card}
        each = ', '.join(f"{r['rps'] / rounds[int(r['round'])]:.2f}" for r in sorted(paid, key=lambda r: r['round']))
        print(f"| {clients} | {rps:.1f} | {c_rps:.1f} | {c_rps / rps:.2f} | {p50:.1f} | {c_p50:.1f} | {c_p50 / p50:.2f} "
              f"| {p99:.1f} | {c_p99:.1f} | {c_p99 / p99:.2f} | {cpu:.1f} / {c_cpu:.1f} | {c_cpu / cpu:.2f} | {each} "
              f"| {answers(paid)} | {answers(paid, r'paid_[a-z]+$').replace('paid ', 'by ')} |")
    sys.exit(0)

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
    mix = answers(runs)
    print(f"| {clients} | {rps:.1f} | {booked:.1f} | {median(runs, 'p50'):.1f} | {median(runs, 'p99'):.1f} "
          f"| {min(int(r['pgclients']) for r in base[clients])} | {tps:.0f} | {median(base[clients], 'latency'):.2f} | {rps / tps:.1%} | {booked / tps:.1%} "
          f"| {cpu_ms(runs, 'cpu_command')} / {cpu_ms(runs, 'cpu_query')} / {cpu_ms(runs, 'cpu_pg')} | {mix} |")
