#!/usr/bin/env python3
"""The compare view's opening time (issue 15): on the 1 000-card synthetic standard (seed 000's cards
repeated, as bench-diff makes it), edition 1 against the draft after 30 edits, the median of RUNS launches
of bench-compare under Xvfb: from the click (the window opened, the edition read in its worker while the
draft is copied, the diff) to the first frame with the list of changes filled; and the parts alone. Target: under 500 ms. A benchmark: it prints figures, asserts no speed;
it fails only when the view does not open or shows no change.
  bench/bench-compare.py BENCH_COMPARE [RUNS [CARDS]]"""
import os, re, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'diff'))
import seed_edits as se  # noqa: E402

SEED = os.path.join(ROOT, 'data', 'samples', '000_2b67e049b4513cfa.txt')


def main():
    bench = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    big = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    with open(SEED, encoding='utf-8') as f:
        lines = f.read().split('\n')
    numbers = se.card_numbers(lines)
    big_lines = se.synthetic_standard(lines, big, numbers[:-1], period=(big + 1) // 2)
    with tempfile.TemporaryDirectory(prefix='kasip-bench-compare-') as tmp:
        path = os.path.join(tmp, f'cards{big}.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(big_lines))
        env = dict(os.environ, GDK_BACKEND='x11', GSK_RENDERER='cairo', GSETTINGS_BACKEND='memory',
                   NO_AT_BRIDGE='1', LC_ALL='C.UTF-8')
        parts = ('call', 'load', 'copy', 'diff')
        opened, timed, changes = [], {p: [] for p in parts}, set()
        for _ in range(runs):
            r = subprocess.run(['xvfb-run', '-a', '-s', '-screen 0 1280x800x24', bench, path, '30'],
                               capture_output=True, text=True, env=env)
            m = re.search(r'compare-open-ms=([\d.]+) call-ms=([\d.]+) load-ms=([\d.]+) copy-ms=([\d.]+) '
                          r'diff-ms=([\d.]+) changes=(\d+)', r.stdout)
            if r.returncode != 0 or not m:
                sys.exit(f'bench-compare: the compare view did not open: exit {r.returncode}\n{r.stdout}{r.stderr}')
            opened.append(float(m.group(1)))
            for i, p in enumerate(parts):
                timed[p].append(float(m.group(2 + i)))
            changes.add(int(m.group(6)))
        if changes != {30}:
            sys.exit(f'bench-compare: {sorted(changes)} changes shown, not the 30 edits made')
        med = statistics.median(opened)
        print(f'compare view, {big} cards, edition 1 against the draft after 30 edits (median of {runs}):')
        print(f'  open to first frame with the list filled  {med:7.1f} ms (best {min(opened):.1f}; all: '
              f'{", ".join(f"{x:.0f}" for x in opened)})')
        print(f'  of which the call (the draft copied, the window built; the edition read meanwhile in the worker) '
              f'{statistics.median(timed["call"]):.1f} ms')
        print(f'  the parts alone: reading the edition {statistics.median(timed["load"]):.1f} ms, copying the draft '
              f'{statistics.median(timed["copy"]):.1f} ms, the diff {statistics.median(timed["diff"]):.1f} ms')
        print(f'  target under 500 ms: {"met" if med < 500 else "NOT met"}')


if __name__ == '__main__':
    main()
