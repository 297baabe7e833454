"""Reads bench/scale-out/run.sh's results and prints the Markdown table: single against pair, medians over the runs.

A pair run is two wrk processes at once, one per command side: their requests per second add up; its p50 is the
two p50s weighted by their requests (an approximation: wrk does not export its histogram), its p99 the larger of
the two p99s. Fails on a 5xx answer or a socket error, as bench/booking/report.py does."""
import re
import statistics
import sys


def parse(text):
    values = {k: float(v) for k, v in re.findall(r'(\w+)=([\d.]+)', text.split('RESULT', 1)[1])}
    if any(re.search(r'_5\d\d$', k) for k in values):
        sys.exit(f"a run had 5xx answers: {text.strip()}")
    if values['errors']:
        sys.exit(f"a run had socket errors: {text.strip()}")
    return values


def combine(a, b):
    both = {key: a.get(key, 0) + b.get(key, 0) for key in set(a) | set(b)}
    both['p50'] = (a['p50'] * a['requests'] + b['p50'] * b['requests']) / (a['requests'] + b['requests'])
    both['p99'] = max(a['p99'], b['p99'])
    return both


runs = {'single': [], 'pair': []}
for line in open(sys.argv[1]):
    if line.startswith('single'):
        runs['single'].append(parse(line))
    elif line.startswith('pair'):
        a, b = line.split(' a: ', 1)[1].split(' b: ', 1)
        runs['pair'].append(combine(parse(a), parse(b)))


def median(kind, key):
    return statistics.median(run.get(key, 0) for run in runs[kind])


def booked(kind):
    return statistics.median(run.get('place_201', 0) * run['rps'] / run['requests'] for run in runs[kind])


print('| instances | commands/s | bookings (201)/s | p50 (ms) | p99 (ms) | answers over all runs |')
print('| --- | ---: | ---: | ---: | ---: | --- |')
for kind, label in (('single', '1 command side + 1 query side'), ('pair', '2 command sides + 2 query sides')):
    answers = {}
    for run in runs[kind]:
        for key, count in run.items():
            if re.match(r'(place|conflict|cancel)_\d+$', key):
                answers[key] = answers.get(key, 0) + int(count)
    mix = ', '.join(f"{key.replace('_', ' ')}: {count}" for key, count in sorted(answers.items()))
    print(f"| {label} | {median(kind, 'rps'):.1f} | {booked(kind):.1f} | {median(kind, 'p50'):.1f} "
          f"| {median(kind, 'p99'):.1f} | {mix} |")
print(f"| **pair ÷ single** | **{median('pair', 'rps') / median('single', 'rps'):.2f}** "
      f"| **{booked('pair') / booked('single'):.2f}** | {median('pair', 'p50') / median('single', 'p50'):.2f} "
      f"| {median('pair', 'p99') / median('single', 'p99'):.2f} | |")
