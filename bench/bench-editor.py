#!/usr/bin/env python3
"""The editor at the scale of the ministry (issue 13 §7): the sample workspace (9 standards) against one of
1 000 standards made from the same seeds (bench-workspace: real content, copies with new IDs and codes),
each opened in the editor under Xvfb with KASIP_BENCH set, so that the window's probe
(ui/ksp-bench-probe.c) times it and quits. Prints, for each workspace:
  - first frame: from the launch of `kasip WORKSPACE` to the first frame of its window (which opens the
    workspace once that frame is shown);
  - standard shown: from the launch to the first frame showing the workspace's first standard;
  - open a standard: choosing the last standard of the selector (another document) to the frame showing it;
  - card switch: selecting another card to the frame showing its form (median of 6): the first and the last
    card of the standard, far apart in the outline (as go-to or a finding does: the outline's rows are
    rebound); and the first and the second, side by side (as a click beside the selection);
  (for these, "in the call" is the part spent in the call that chose it; the frame is the rest, split
  into the wait for the frame (idle work, the frame clock), its layout and its paint);
  - peer: a frame of the same window where only the form's heading changes: what any frame of this
    window costs under Xvfb with GTK's software renderer;
  - peer of the first frame: bench-empty-window (an empty AdwApplicationWindow with a header bar, timed
    the same way), so the first frame can be read against what GTK and libadwaita take to show a window;
  - keystroke to stored: ksp_field_editor_set_text() until the document has stored the value, read back by a
    second read-only session (this includes the editor's 300 ms commit delay); commit: the same committed at once;
  - peak memory (VmHWM) of the editor;
  - the workspace file against its text (what `kasip show` prints of each document, summed) and against the
    bytes of its stored values, and where the bytes go (SQLite's dbstat, per table and index).
A benchmark: it prints figures and asserts nothing. Run it with
  meson test -C build --benchmark -v editor         or    ninja -C build bench-editor
  bench/bench-editor.py build/app/kasip build/bench/bench-workspace [STANDARDS [RUNS]]   (1000, 5)
Without a display it runs itself under xvfb-run and dbus-run-session."""
import os, shutil, sqlite3, statistics, subprocess, sys, tempfile, time

FIGURES = ('first-frame-ms', 'standard-shown-ms', 'open-standard-ms', 'card-switch-ms', 'next-card-ms', 'label-frame-ms',
           'keystroke-to-stored-ms', 'commit-ms', 'vmhwm-kb')


def under_xvfb():
    if os.environ.get('DISPLAY') or os.environ.get('KASIP_BENCH_XVFB'):
        return
    if not shutil.which('xvfb-run'):
        sys.exit('bench-editor: no display and no xvfb-run')
    env = dict(os.environ, KASIP_BENCH_XVFB='1')
    cmd = ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24']
    if shutil.which('dbus-run-session'):
        cmd += ['dbus-run-session', '--']
    os.execvpe(cmd[0], cmd + [sys.executable] + sys.argv, env)


def make_workspace(helper, path, standards):
    t0 = time.monotonic()
    out = subprocess.run([helper, path] + ([str(standards)] if standards else []), check=True,
                         capture_output=True, text=True).stdout
    made = time.monotonic() - t0
    info = dict(kv.split('=', 1) for kv in out.split())
    info = {k: int(v) for k, v in info.items()}
    info['made-s'] = made
    return info


def table_sizes(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        rows = db.execute('SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC').fetchall()
        free = db.execute('PRAGMA freelist_count').fetchone()[0] * db.execute('PRAGMA page_size').fetchone()[0]
        version = db.execute('PRAGMA user_version').fetchone()[0]
    except sqlite3.Error as e:
        return [], 0, f'? ({e})'
    finally:
        db.close()
    return rows, free, version


def run_editor(kasip, path):
    env = dict(os.environ, GDK_BACKEND='x11', GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'),
               GSETTINGS_BACKEND='memory', NO_AT_BRIDGE='1', GTK_A11Y='none')
    env['KASIP_BENCH'] = str(time.monotonic_ns() // 1000)  # CLOCK_MONOTONIC, as g_get_monotonic_time()
    proc = subprocess.run([kasip, path], env=env, capture_output=True, text=True, timeout=300)
    for line in proc.stdout.splitlines():
        if line.startswith('bench: '):
            fields = dict(kv.split('=', 1) for kv in line[len('bench: '):].split(' ') if '=' in kv)
            if 'failed' in fields:
                print(f'  (a run failed at: {line.split("failed=", 1)[1]})')
            return fields
    sys.exit(f'bench-editor: the editor printed no figures (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}')


def values(runs, key):
    return [float(r[key]) for r in runs if key in r and float(r[key]) >= 0]


def median(runs, key):
    v = values(runs, key)
    return statistics.median(v) if v else float('nan')


def best(runs, key):
    v = values(runs, key)
    return min(v) if v else float('nan')


def figure(runs, key):
    return f'{median(runs, key):8.1f} ms (best {best(runs, key):.1f})'


def run_empty_window(program):
    env = dict(os.environ, GDK_BACKEND='x11', GSK_RENDERER=os.environ.get('GSK_RENDERER', 'cairo'),
               GSETTINGS_BACKEND='memory', NO_AT_BRIDGE='1', GTK_A11Y='none')
    env['KASIP_BENCH'] = str(time.monotonic_ns() // 1000)
    proc = subprocess.run([program], env=env, capture_output=True, text=True, timeout=60)
    for line in proc.stdout.splitlines():
        if line.startswith('bench: '):
            return dict(kv.split('=', 1) for kv in line[len('bench: '):].split(' ') if '=' in kv)
    sys.exit(f'bench-editor: the empty window printed no figures (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}')


def main():
    under_xvfb()
    kasip = sys.argv[1] if len(sys.argv) > 1 else 'build/app/kasip'
    helper = sys.argv[2] if len(sys.argv) > 2 else 'build/bench/bench-workspace'
    big = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    empty = sys.argv[5] if len(sys.argv) > 5 else os.path.join(os.path.dirname(helper), 'bench-empty-window')
    tmp = tempfile.mkdtemp(prefix='kasip-bench-editor-')
    results = []
    run_empty_window(empty)  # warm-up, not counted
    peer = [run_empty_window(empty) for _ in range(runs)]
    try:
        for label, standards in (('sample', 0), (f'{big} standards', big)):
            path = os.path.join(tmp, f'ws-{standards}.kasip')
            info = make_workspace(helper, path, standards)
            sizes, free, version = table_sizes(path)
            run_editor(kasip, path)  # a first launch warms the caches; not counted
            timed = [run_editor(kasip, path) for _ in range(runs)]
            results.append((label, info, sizes, free, version, timed))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f'Kasip editor benchmark: Xvfb, GSK_RENDERER={os.environ.get("GSK_RENDERER", "cairo")}, '
          f'median of {runs} launches after a warm-up one')
    peer_first = median(peer, 'first-frame-ms')
    print(f'\npeer: an empty AdwApplicationWindow with a header bar (bench-empty-window): first frame '
          f'{figure(peer, "first-frame-ms")}')
    for label, info, sizes, free, version, timed in results:
        file_b, text_b, value_b = info['file-bytes'], info['text-bytes'], info['value-bytes']
        verified = all(r.get('verified') == 'yes' for r in timed)
        print(f'\n{label}: {info["standards"]} standards in {info["documents"]} documents, '
              f'{info["elements"]} elements (made in {info["made-s"]:.1f} s), workspace format {version}')
        print(f'  first frame          {figure(timed, "first-frame-ms")} = {median(timed, "first-frame-ms") / peer_first:.2f}'
              f'× the empty window\'s; its layout {median(timed, "first-layout-ms"):.1f} ms, paint '
              f'{median(timed, "first-paint-ms"):.1f} ms')
        print(f'  standard shown       {figure(timed, "standard-shown-ms")} (the window opens the workspace after its '
              f'first frame)')
        print(f'  open a standard      {figure(timed, "open-standard-ms")}, in the call {median(timed, "open-call-ms"):.1f} ms')
        frame = median(timed, "card-switch-ms") - median(timed, "switch-call-ms")
        print(f'  card switch (far)    {figure(timed, "card-switch-ms")}: in the call {median(timed, "switch-call-ms"):.1f} ms,'
              f' then the frame {frame:.1f} ms (wait {median(timed, "switch-wait-ms"):.1f}, layout '
              f'{median(timed, "switch-layout-ms"):.1f}, paint {median(timed, "switch-paint-ms"):.1f})')
        frame = median(timed, "next-card-ms") - median(timed, "next-call-ms")
        print(f'  card switch (next)   {figure(timed, "next-card-ms")}: in the call {median(timed, "next-call-ms"):.1f} ms,'
              f' then the frame {frame:.1f} ms (wait {median(timed, "next-wait-ms"):.1f}, layout '
              f'{median(timed, "next-layout-ms"):.1f}, paint {median(timed, "next-paint-ms"):.1f})')
        print(f'  peer: a label frame  {figure(timed, "label-frame-ms")}: layout {median(timed, "label-layout-ms"):.1f} ms,'
              f' paint {median(timed, "label-paint-ms"):.1f} ms (the same window, only the form\'s heading changed)')
        print(f'  keystroke to stored  {figure(timed, "keystroke-to-stored-ms")}'
              f'   (commit at once: {median(timed, "commit-ms"):.1f} ms; read back by a second session: '
              f'{"yes" if verified else "NO"})')
        print(f'  peak memory (VmHWM)  {median(timed, "vmhwm-kb") / 1024:8.1f} MB')
        print(f'  workspace file       {file_b / 2**20:8.1f} MB = {file_b / 1024 / info["standards"]:.0f} KB per '
              f'standard, {file_b / 1024 / info["documents"]:.0f} KB per document')
        print(f'  its text (show)      {text_b / 2**20:8.1f} MB: file/text = {file_b / text_b:.2f}; '
              f'file/stored values ({value_b / 2**20:.1f} MB) = {file_b / value_b:.2f}')
        print('  where the bytes go:  ' + ', '.join(f'{name} {size / 2**20:.1f} MB' for name, size in sizes[:6]) +
              (f', free pages {free / 2**20:.1f} MB' if free else ''))
    (_, small, _, _, _, s), (_, large, _, _, _, l) = results
    n = large['standards'] / small['standards']
    print(f'\ngrowth from the sample to {large["standards"]} standards ({n:.0f}× as many):')
    for key, name in (('first-frame-ms', 'first frame'), ('standard-shown-ms', 'standard shown'),
                      ('open-standard-ms', 'open a standard'),
                      ('card-switch-ms', 'card switch'), ('next-card-ms', 'next card'),
                      ('keystroke-to-stored-ms', 'keystroke to stored'),
                      ('vmhwm-kb', 'peak memory')):
        a, b = median(s, key), median(l, key)
        print(f'  {name:20s} ×{b / a:5.2f}' if a > 0 else f'  {name:20s} –')


if __name__ == '__main__':
    main()
