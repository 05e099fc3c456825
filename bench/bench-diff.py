#!/usr/bin/env python3
"""The structural diff's speed (issue 14 §5): whole-process wall time and peak memory of `kasip diff`
  - on seed 000 (21 cards) against a copy of it with 30 known edits (tests/diff/seed_edits.py): skills,
    abilities and knowledge items reworded, items deleted (their successors renumbered), an item moved to
    another skill, two cards re-levelled, a card added (the cards after it renumbered); side by side, in
    the same run, with `git diff --no-index --word-diff` on the same two texts, and the ratio kasip/git;
  - on a synthetic standard of 1 000 cards in the same published layout (seed 000's cards 10–29 repeated,
    each copy with its own occupation code and name; `kasip inspect` must read 1 000 cards) against a copy
    with the same 30 edits spread across it; git's word diff on it too, for reference.
Each time is the median of RUNS runs after a warm-up round, kasip and git in turn (so that a change in the
machine's load falls on both), with the median CPU time (user + system) beside it; peak memory is the
largest maximum resident set of up to 3 more runs (/usr/bin/time -f %M; without it, getrusage in a small
launcher). `kasip inspect` of the old text is timed too, for reference: what reading one of the two texts
costs. Targets: kasip within 10× git's word diff on seed 000; under 1 s and 200 MiB for 1 000 cards.
Prints whether each is met.

A benchmark: it prints figures and asserts no speed. It fails (exit 1) only when what it would time is not
a working diff: `kasip diff` must exit 1 (the texts differ) and report a plausible number of changes.
  ninja -C build bench-diff     or     meson test -C build --benchmark -v diff
  bench/bench-diff.py build/app/kasip [RUNS [CARDS]]   (5, 1000)"""
import collections, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'diff'))
import seed_edits as se  # noqa: E402

SEED = os.path.join(ROOT, 'data', 'samples', '000_2b67e049b4513cfa.txt')
MIB = 1024
ENV = dict(os.environ, LC_ALL='C.UTF-8')


# The edits: (card, op, edit), the card by its number in seed 000, op the change the diff should report.
# An edit takes the lines of its card (its heading to the next heading) and the card's number, and returns
# the lines edited. The added card is made last (it renumbers the cards after it).

def reword(old, new):
    return lambda block, number: se.replace_in(block, 0, old, new)


def delete(text):
    return lambda block, number: se.delete_item(block, 0, text)


def move(text, dest):
    return lambda block, number: se.move_item(block, 0, text, 0, dest)


def relevel(level):
    return lambda block, number: se.relevel_card(block, number, level)


EDITS = [
    # skills reworded
    (10, 'changed', reword('Навык 1: Организация занятий по лечебной верховой езде.',
                           'Навык 1: Организация и планирование занятий по лечебной верховой езде.')),
    (11, 'changed', reword('Навык 2: Владение методами обучения лечебному плаванию.',
                           'Навык 2: Владение современными методами обучения лечебному плаванию.')),
    (13, 'changed', reword('Навык 1: Подготовка и проведение культурно-массового досуга.',
                           'Навык 1: Подготовка и проведение культурно-массовых мероприятий.')),
    (14, 'changed', reword('Навык 2: предоставление услуг библиотеки в электронном формате.',
                           'Навык 2: предоставление услуг библиотеки в электронном и печатном формате.')),
    (16, 'changed', reword('Навык 1: Осуществление ухода за получателями услуг.',
                           'Навык 1: Осуществление ежедневного ухода за получателями услуг.')),
    (20, 'changed', reword('Навык 2: Ведение документацию по учету и отчетности.',
                           'Навык 2: Ведение документации по учету и отчетности.')),
    (23, 'changed', reword('Навык 2: планирование текущей и перспективной деятельности организации.',
                           'Навык 2: планирование текущей и перспективной работы организации.')),
    (27, 'changed', reword('Навык 2: проведение мониторинга учебно-воспитательной деятельности.',
                           'Навык 2: проведение мониторинга и анализа учебно-воспитательной деятельности.')),
    # knowledge items reworded
    (11, 'changed', reword('Методов оказания доврачебной помощи.', 'Методов оказания первой доврачебной помощи.')),
    (12, 'changed', reword('Социального Кодекса Республики Казахстан.',
                           'Социального кодекса Республики Казахстан и иных нормативных правовых актов.')),
    (14, 'changed', reword('Кодекса этики библиотекаря.',
                           'Кодекса этики библиотекаря и правил обслуживания читателей.')),
    (16, 'changed', reword('Правил внутреннего распорядка организации.',
                           'Правил внутреннего трудового распорядка организации.')),
    (19, 'changed', reword('Техник плавания и основ гидродинамики.',
                           'Техник плавания, основ гидродинамики и гидрокинезотерапии.')),
    (21, 'changed', reword('Основ трудовой терапии и ее роль', 'Основ трудовой терапии и ее значение')),
    (23, 'changed', reword('Основ современного менеджмента', 'Основ современного менеджмента и маркетинга')),
    (28, 'changed', reword('Конституции Республики Казахстан.',
                           'Конституции Республики Казахстан и законов Республики Казахстан.')),
    (25, 'changed', reword('Современных информационных технологий.',
                           'Современных информационных и коммуникационных технологий.')),
    # abilities reworded
    (10, 'changed', reword('Наблюдать за поведением и состоянием получателя услуг',
                           'Наблюдать за поведением, самочувствием и состоянием получателя услуг')),
    (13, 'changed', reword('Составлять концертную программу', 'Составлять и согласовывать концертную программу')),
    (18, 'changed', reword('Подбирать методы обучения лечебному плаванию',
                           'Подбирать и адаптировать методы обучения лечебному плаванию')),
    (29, 'changed', reword('Формировать банк данных методической',
                           'Формировать электронный банк данных методической')),
    # items deleted, their successors renumbered
    (10, 'removed', delete('Теоретических основ райттерапии/иппотерапии')),
    (13, 'removed', delete('Организовывать работу художественных и муз')),
    (14, 'removed', delete('Профиля деятельности библиотеки')),
    (27, 'removed', delete('Анализировать состояние методов и технолог')),
    (26, 'removed', delete('Закона Республики Казахстан «О языках')),
    # a knowledge item moved to another skill's list
    (11, 'moved', move('Личностных возрастных и психологических особенностей',
                       'Теоретических основ лечебно-профилактического')),
    # cards re-levelled
    (12, 'changed', relevel('5')),
    (21, 'changed', relevel('5')),
]
ADDED = (19, 16, 'Санитар(-ка) по уходу на дому', '5321-0-099')  # after card 19, a copy of card 16


def edit_card(lines, index, edit):
    """EDIT applied to the lines of the INDEX-th card (from 0, in the order of the text) only."""
    number, a, b = se.card_spans(lines)[index]
    return lines[:a] + edit(lines[a:b], number) + lines[b:]


def edited(lines, place):
    """LINES with the EDITS made, the edit of seed card C on the card PLACE(C, k) (its index in the text;
    k: the edit's), then the added card."""
    out = list(lines)
    for k, (card, _, edit) in enumerate(EDITS):
        out = edit_card(out, place(card, k), edit)
    after, source, name, code = ADDED
    spans = se.card_spans(out)
    (after_n, a, _), (source_n, s, _) = spans[place(after, len(EDITS))], spans[place(source, len(EDITS))]
    return se.insert_card(out, after_n, source_n, name, code, start=min(a, s))


def expected_ops():
    ops = collections.Counter(op for _, op, _ in EDITS)
    ops['added'] += 1
    return ops


# Running and measuring -----------------------------------------------------------------------------------

def run_once(args, cwd=None):
    """Wall time (s), CPU time (user + system, s) and exit status of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=ENV)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, r.returncode


# The peak RSS of a process is read by a small launcher: a child forked from this script would count
# this script's own memory too (Linux keeps the larger of the memory before exec and after it).
TIME = '/usr/bin/time'
LAUNCHER = """import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"""


def peak_rss(args, cwd=None):
    """Peak RSS (KiB) of one run: /usr/bin/time -f %M, else getrusage(RUSAGE_CHILDREN) in a fresh Python
    (whose own 10 MiB or so are then a floor)."""
    if os.access(TIME, os.X_OK):
        r = subprocess.run([TIME, '-f', '%M', *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, cwd=cwd, env=ENV)
        return int(r.stderr.strip().splitlines()[-1])
    r = subprocess.run([sys.executable, '-c', LAUNCHER, *args], capture_output=True, text=True, cwd=cwd, env=ENV)
    return int(r.stdout)


def measure(commands, runs, cwd=None):
    """COMMANDS: {name: (args, exit status wanted)}, run in turn RUNS times (so that a change in the
    machine's load falls on all of them alike), after a warm-up round."""
    walls = {name: [] for name in commands}
    cpus = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, (args, want_rc) in commands.items():
            wall, cpu, rc = run_once(args, cwd)
            if rc != want_rc:
                sys.exit(f'bench-diff: {" ".join(args)} exited {rc}, not {want_rc}')
            if round_:  # round 0 warms the page cache and the dynamic loader's
                walls[name].append(wall)
                cpus[name].append(cpu)
    return {name: {'median': statistics.median(walls[name]), 'best': min(walls[name]),
                   'cpu': statistics.median(cpus[name]),
                   'rss': max(peak_rss(args, cwd) for _ in range(min(runs, 3)))}
            for name, (args, _) in commands.items()}


def changes_of(kasip, old, new):
    r = subprocess.run([kasip, 'diff', '--json', old, new], capture_output=True, text=True)
    if r.returncode != 1:
        sys.exit(f'bench-diff: kasip diff {old} {new} exited {r.returncode} (1 = the texts differ): {r.stderr}')
    return json.loads(r.stdout)['changes']


def check_changes(label, changes, want):
    """The diff must report about as many changes as edits were made, else the timing measures a broken
    diff. (Exact counts per edit are tests/diff/check-diff.py's business, not the benchmark's.)"""
    got = collections.Counter(c['op'] for c in changes)
    total = sum(want.values())
    print(f'  {label}: {len(changes)} changes reported for {total} edits made '
          f'({", ".join(f"{op} {got[op]}/{want[op]}" for op in ("changed", "removed", "moved", "added"))}; '
          f'reported/made)')
    if not total * 0.8 <= len(changes) <= total * 1.5 or got['added'] < 1:
        sys.exit(f'bench-diff: {label}: {len(changes)} changes for {total} edits: not a plausible diff')


def cards_read(kasip, path):
    r = subprocess.run([kasip, 'inspect', path, '--json'], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)['cards']


def build_type(kasip):
    """The meson build type of the build directory KASIP is in, when it says."""
    d = os.path.dirname(kasip)
    for _ in range(3):
        info = os.path.join(d, 'meson-info', 'intro-buildoptions.json')
        if os.path.exists(info):
            with open(info, encoding='utf-8') as f:
                return next((o['value'] for o in json.load(f) if o['name'] == 'buildtype'), '?')
        d = os.path.dirname(d)
    return '?'


def fmt(m):
    return (f'{m["median"] * 1000:8.1f} ms (best {m["best"] * 1000:7.1f}, CPU {m["cpu"] * 1000:7.1f})  '
            f'{m["rss"] / MIB:6.1f} MiB')


def main():
    kasip = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'app', 'kasip'))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    big = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    git = shutil.which('git')
    tmp = tempfile.mkdtemp(prefix='kasip-bench-diff-')
    try:
        with open(SEED, encoding='utf-8') as f:
            lines = f.read().split('\n')
        numbers = se.card_numbers(lines)

        def write(name, text_lines):
            path = os.path.join(tmp, name)
            with open(path, 'w', encoding='utf-8') as f:
                f.write('\n'.join(text_lines))
            return path

        # seed 000 and its edited copy: each edit on its own card
        old0 = write('seed000.txt', lines)
        new0 = write('seed000-edited.txt', edited(lines, lambda card, k: card - numbers[0]))
        # the synthetic standard: seed 000's cards but the last, «Социальный психолог» (111 KiB of text,
        # six times the others: with it, 1 000 cards would pass the reader's limit of 16 MB for the text
        # of a standard), numbered from 10 to 509 twice (the reader takes a point number of at most three
        # digits for a card's); the copy r of seed card c is the card r × n + (c − first) of the text;
        # the edits go to copies spread evenly from the first to the last
        sources = numbers[:-1]
        first, n = numbers[0], len(sources)
        copies = big // n
        big_lines = se.synthetic_standard(lines, big, sources, period=(big + 1) // 2)
        oldN = write(f'cards{big}.txt', big_lines)
        newN = write(f'cards{big}-edited.txt', edited(
            big_lines, lambda card, k: (k * (copies - 1) // len(EDITS)) * n + (card - first)))

        git_version = git and subprocess.run([git, '--version'], capture_output=True, text=True).stdout.strip()
        print(f'kasip diff benchmark: {kasip} (build type {build_type(kasip)}), {git_version or "no git"}, '
              f'{os.cpu_count()} CPUs; time: median of {runs} runs in turn after a warm-up round; peak memory: '
              f'{"/usr/bin/time -f %M" if os.access(TIME, os.X_OK) else "getrusage in a launcher"}')
        print('what is timed:')
        want = expected_ops()
        check_changes('seed 000', changes_of(kasip, old0, new0), want)
        read_old, read_new = cards_read(kasip, oldN), cards_read(kasip, newN)
        print(f'  synthetic standard: {read_old} cards read by kasip inspect ({big} made), '
              f'{read_new} in the edited copy; {os.path.getsize(oldN) / 2**20:.1f} MiB of text')
        if read_old != big or read_new != big + 1:
            sys.exit(f'bench-diff: the reader sees {read_old} and {read_new} cards, not {big} and {big + 1}')
        check_changes(f'{big} cards', changes_of(kasip, oldN, newN), want)

        git_args = [git, 'diff', '--no-index', '--no-color', '--word-diff'] if git else None
        results = {}
        for label, old, new in (('seed 000', old0, new0), (f'{big} cards', oldN, newN)):
            commands = {'kasip': ([kasip, 'diff', '--color', 'never', old, new], 1),
                        'kasip --json': ([kasip, 'diff', '--json', old, new], 1)}
            if git:
                commands['git --word-diff'] = (git_args + [old, new], 1)
            # for reference: what reading one of the two texts costs (kasip diff reads both)
            commands['(kasip inspect)'] = ([kasip, 'inspect', '--json', old], 0)
            results[label] = measure(commands, runs, cwd=tmp)

        for label, r in results.items():
            size = os.path.getsize(old0 if label == 'seed 000' else oldN) / 1024
            print(f'\n{label} ({size:.0f} KiB of text against its edited copy):')
            for name, m in r.items():
                print(f'  {name:16s} {fmt(m)}')
            if 'git --word-diff' in r:
                g = r['git --word-diff']
                print(f'  kasip/git        time ×{r["kasip"]["median"] / g["median"]:.2f}, '
                      f'memory ×{r["kasip"]["rss"] / g["rss"]:.2f}')

        print('\ntargets:')
        s, b = results['seed 000'], results[f'{big} cards']
        if git:
            ratio = s['kasip']['median'] / s['git --word-diff']['median']
            print(f'  seed 000: within 10× git --word-diff: ×{ratio:.2f} — {"met" if ratio <= 10 else "NOT met"}')
        t, m = b['kasip']['median'], b['kasip']['rss'] / MIB
        print(f'  {big} cards: under 1 s: {t:.3f} s — {"met" if t < 1 else "NOT met"}')
        print(f'  {big} cards: under 200 MiB: {m:.1f} MiB — {"met" if m < 200 else "NOT met"}')
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
