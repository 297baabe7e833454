"""Reads bench/queries/run.sh's RESULT lines and prints a Markdown table.

  report.py queries results.txt   medians over the rounds per endpoint and client count, ours next to pgbench's;
  report.py lag lag.txt peak target measured
                                  the probe's lag by method, per round (p50, p99) and over all rounds.
Fails on a non-2xx answer, a socket error or a failed pgbench transaction."""
import re
import statistics
import sys


def values(line):
    return {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', line)}


def percentile(data, p):
    data = sorted(data)
    if not data:
        return float('nan')
    k = (len(data) - 1) * p / 100
    f = int(k)
    c = min(f + 1, len(data) - 1)
    return data[f] + (data[c] - data[f]) * (k - f)


LABELS = {'space': '`GET /api/availability` (a space, a day)',
          'resource': '`GET /api/resources/{id}/availability` (a week)',
          'mine': '`GET /api/members/me/bookings` (a page of 20)'}


def queries(path):
    ours, base = {}, {}
    for line in open(path):
        who = line.split()[0]
        endpoint = re.search(r'endpoint=(\w+)', line).group(1)
        clients = int(re.search(r'clients=(\d+)', line).group(1))
        v = values(line.split('RESULT', 1)[1])
        if who == 'ours':
            if v['non2xx'] or v['errors']:
                sys.exit(f'a run had non-2xx answers or socket errors: {line.strip()}')
            ours.setdefault((endpoint, clients), []).append(v)
        else:
            if 'tps' not in v:  # no free connection for it: the table says how many rounds it had
                continue
            if v.get('failed', 0):
                sys.exit(f'pgbench had failed transactions: {line.strip()}')
            base.setdefault((endpoint, clients), []).append(v)
    print('| endpoint | clients | requests/s | p50 (ms) | p99 (ms) | pgbench clients | pgbench tps '
          '| pgbench mean latency (ms) | requests/s ÷ pgbench tps | rounds (ours / pgbench) |')
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for endpoint in LABELS:
        for clients in sorted(c for e, c in ours if e == endpoint):
            o, b = ours[(endpoint, clients)], base.get((endpoint, clients), [])
            rps = statistics.median(r['rps'] for r in o)
            tps = statistics.median(r['tps'] for r in b) if b else float('nan')
            print(f"| {LABELS[endpoint]} | {clients} | {rps:.0f} | {statistics.median(r['p50'] for r in o):.1f} "
                  f"| {statistics.median(r['p99'] for r in o):.1f} | {int(b[0]['pgclients']) if b else '-'} "
                  f"| {tps:.0f} | {statistics.median(r['latency'] for r in b) if b else float('nan'):.2f} | {rps / tps:.0%} "
                  f"| {len(o)} / {len(b)} |")


def lag(path, peak, target, measured):
    load, probes = {}, {}
    for line in open(path):
        v = values(line)
        if line.startswith('load'):
            if any(re.search(r'_5\d\d$', k) for k in v) or v['errors']:
                sys.exit(f'the booking mix had 5xx answers or socket errors: {line.strip()}')
            load[int(v['round'])] = v
        elif line.startswith('probe'):
            method = re.search(r'method=(\w+)', line).group(1)
            probes.setdefault(method, {}).setdefault(int(v['round']), []).append(v)
    rounds = sorted(load)
    print(f"Peak of the mix ({'measured in this run' if measured == '1' else 'given'}): {float(peak):.1f} "
          f"requests/s; target half: {float(target):.1f}/s; achieved per round: "
          + ', '.join(f"{load[r]['rps']:.1f}/s (p50 {load[r]['p50']:.0f} ms)" for r in rounds) + '.')
    print()
    print('| how the probe saw the booking | bookings | lag p50 (ms), per round | lag p99 (ms), per round '
          '| median of the rounds p50 / p99 (ms) | all rounds pooled p50 / p99 (ms) | mean poll round trip (ms) |')
    print('| --- | ---: | --- | --- | ---: | ---: | ---: |')
    names = {'poll': 'polling `GET /api/resources/{id}/availability`',
             'after': 'one `GET …/availability?after=<X-Event-Position>`'}
    for method in ('poll', 'after'):
        per = probes.get(method, {})
        if not per:
            continue
        p50s = [percentile([x['lag'] for x in per[r]], 50) for r in sorted(per)]
        p99s = [percentile([x['lag'] for x in per[r]], 99) for r in sorted(per)]
        everything = [x['lag'] for r in per for x in per[r]]
        resolution = statistics.mean(x['resolution'] for r in per for x in per[r])
        print(f"| {names[method]} | {len(everything)} | {', '.join(f'{p:.0f}' for p in p50s)} "
              f"| {', '.join(f'{p:.0f}' for p in p99s)} | {statistics.median(p50s):.0f} / {statistics.median(p99s):.0f} "
              f"| {percentile(everything, 50):.0f} / {percentile(everything, 99):.0f} "
              f"| {f'{resolution:.1f}' if method == 'poll' else '-'} |")


if sys.argv[1] == 'queries':
    queries(sys.argv[2])
else:
    lag(*sys.argv[2:6])
