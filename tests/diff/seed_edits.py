"""Known edits of the published seeds, for the diff's tests (check-diff.py) and its benchmark.

Each edit takes the lines of a seed's text and returns the edited lines; it raises if the text it
expects is not where it expects it, so a changed seed fails loudly instead of testing nothing.
"""
import re


def find(lines, text, start=0, exact=False, within=False):
    """The first line from START on that is TEXT (EXACT), holds it (WITHIN) or starts with it."""
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if line == text if exact else text in line if within else line.startswith(text):
            return i
    raise AssertionError(f'not found after line {start}: {text!r}')


def card_start(lines, number):
    return find(lines, f'{number}. Карточка профессии')


def card_block(lines, number):
    """The lines of card NUMBER: from its heading to the next card's heading (or the next chapter)."""
    a = card_start(lines, number)
    try:
        b = card_start(lines, number + 1)
    except AssertionError:
        b = find(lines, 'Глава 4', a)
    return a, b


def renumber_line(line, old, new):
    stripped = line.lstrip()
    head = line[:len(line) - len(stripped)]
    assert stripped.startswith(f'{old}.'), (line, old)
    return head + f'{new}.' + stripped[len(str(old)) + 1:]


def replace_in(lines, start, old, new):
    i = find(lines, old, start, within=True)
    out = list(lines)
    out[i] = out[i].replace(old, new, 1)
    return out


def renumber_cards(lines, start, first, last, delta):
    """Adds DELTA to the heading numbers of cards FIRST..LAST found from line START on."""
    out = list(lines)
    at = start
    for n in range(first, last + 1):
        i = find(out, f'{n}. Карточка профессии', at)
        out[i] = renumber_line(out[i], n, n + delta)
        at = i + 1
    return out


def add_card_after(lines, number, last, name, code):
    """A new card after card NUMBER, made from card NUMBER + 1 with another name and code; the cards
    after it are renumbered up to LAST."""
    a, b = card_block(lines, number + 1)
    block = list(lines[a:b])
    old_name = block[0].split('"')[1]
    block = [l.replace(old_name, name) for l in block]
    code_line = find(block, 'Код наименования занятия:')
    value = next(i for i in range(code_line + 1, len(block)) if block[i].strip())
    block[value] = code
    out = renumber_cards(lines, a, number + 1, last, 1)
    return out[:a] + block + out[a:]


def swap_cards(lines, first):
    """Cards FIRST and FIRST + 1 change places and numbers."""
    a, b = card_block(lines, first)
    _, c = card_block(lines, first + 1)
    one = list(lines[a:b])
    two = list(lines[b:c])
    two[0] = renumber_line(two[0], first + 1, first)
    one[0] = renumber_line(one[0], first, first + 1)
    return lines[:a] + two + one + lines[c:]


# Helpers for texts in the layout of seed 000 as well: cells of a flattened table (tab-separated, some
# wrapped in <p>…</p>), numbered lists written inline in one cell («1. … 2. … 3. …»), card headings that
# may start with «<p>». Used by bench/bench-diff.py.

_HEADING = re.compile(r'^\s*(?:<p>)?\s*(\d+)\. Карточка профессии\b')


def card_heading(lines, number, start=0):
    """The line of the heading of card NUMBER, «<p>» before it or not."""
    for i in range(start, len(lines)):
        m = _HEADING.match(lines[i])
        if m and int(m.group(1)) == number:
            return i
    raise AssertionError(f'no heading of card {number} after line {start}')


def card_numbers(lines):
    """The numbers of the cards' headings, in the order of the text."""
    return [int(m.group(1)) for m in map(_HEADING.match, lines) if m]


def _card_end(lines, a):
    for b in range(a + 1, len(lines)):
        if _HEADING.match(lines[b]) or lines[b].strip().startswith(('Глава 4', '<p>Глава 4')):
            return b
    return len(lines)


def card_span(lines, number, start=0):
    """Like card_block, for either layout: from the heading of card NUMBER (the first from line START on)
    to the next heading or chapter 4."""
    a = card_heading(lines, number, start)
    return a, _card_end(lines, a)


def card_spans(lines):
    """(number, start, end) of every card, in the order of the text (numbers may repeat)."""
    return [(int(m.group(1)), i, _card_end(lines, i))
            for i, m in enumerate(map(_HEADING.match, lines)) if m]


def renumber_heading(line, old, new):
    """A card heading numbered NEW instead of OLD, «<p>» or not."""
    m = _HEADING.match(line)
    assert m and int(m.group(1)) == old, (line, old)
    return line[:m.start(1)] + str(new) + line[m.end(1):]


def renumber_headings(lines, start, first, last, delta):
    """Like renumber_cards, for either layout: DELTA added to cards FIRST..LAST found from START on."""
    out = list(lines)
    at = start
    for n in range(first, last + 1):
        i = card_heading(out, n, at)
        out[i] = renumber_heading(out[i], n, n + delta)
        at = i + 1
    return out


def _value_line(lines, label, start, end):
    """The line holding the value of the card field LABEL between START and END, and the value: in the
    cell after the label on its line (seed 000) or on the next non-blank line (seed 001)."""
    i = find(lines[:end], label, start, within=True)
    cells = [_untag(c) for c in lines[i].split('\t')]
    k = next(k for k, c in enumerate(cells) if label in c)
    rest = [c for c in cells[k + 1:] if c]
    if rest:
        return i, rest[0]
    j = next(j for j in range(i + 1, end) if lines[j].strip())
    return j, _untag(lines[j].strip())


def _untag(cell):
    return re.sub(r'</?p>', '', cell).strip()


def relevel_card(lines, number, level):
    """Card NUMBER's ORK level becomes LEVEL (its sublevel stays)."""
    a, b = card_span(lines, number)
    i, old = _value_line(lines, 'Уровень квалификации по ОРК:', a, b)
    assert old and old != level, (number, old)
    out = list(lines)
    head, sep, tail = out[i].rpartition('Уровень квалификации по ОРК:')
    if sep:  # the value on the label's line: replace it after the label only
        out[i] = head + sep + tail.replace(old, level, 1)
    else:
        out[i] = out[i].replace(old, level, 1)
    return out


def copy_card(lines, number, new_number, name, code, start=0):
    """The lines of card NUMBER (the first from line START on) renumbered NEW_NUMBER, named NAME (its
    heading and its «Наименование профессии») and coded CODE (its «Код наименования занятия»)."""
    a, b = card_span(lines, number, start)
    block = list(lines[a:b])
    old_name = re.search(r'[«"](.+?)[»"]', block[0]).group(1)
    block[0] = renumber_heading(block[0], number, new_number).replace(old_name, name, 1)
    i, _ = _value_line(block, 'Наименование профессии:', 0, len(block))
    block[i] = block[i].replace(old_name, name, 1)
    i, old_code = _value_line(block, 'Код наименования занятия:', 0, len(block))
    head, sep, tail = block[i].rpartition('Код наименования занятия:')
    block[i] = head + sep + tail.replace(old_code, code, 1)
    return block


def insert_card(lines, after, source, name, code, start=0):
    """A copy of card SOURCE (copy_card) named NAME and coded CODE, inserted after card AFTER (each the
    first so numbered from line START on); the cards after it are renumbered, up to the end of the run of
    numbers it is in."""
    block = copy_card(lines, source, after + 1, name, code, start)
    _, b = card_span(lines, after, start)
    last = after
    for number, _, _ in (s for s in card_spans(lines) if s[1] >= b):
        if number != last + 1:
            break
        last = number
    out = renumber_headings(lines, b, after + 1, last, 1)
    return out[:b] + block + out[b:]


# Numbered lists inline in a cell: «Умения: <ol …> 1. Подбирать … 2. Проводить …  Знания: 1. Основ …»

_NUMBER = re.compile(r'(?:(?<=\s)|(?<=^)|(?<=>))(\d+)\.\s?(?=\S)')
_LIST_END = re.compile(r'\s*(?:<|(?:Умения|Знания)\s*:|$)')


def _lists(cell):
    """The numbered lists in CELL, each a list of items (number, start, end): a list starts at «1. » (or
    at the cell's first number) and goes on while N + 1 follows; an item ends where the next one starts,
    the last one before a tag, the label of the next list or the end of the cell."""
    lists = []
    for m in _NUMBER.finditer(cell):
        n = int(m.group(1))
        if n == 1 or not lists:
            lists.append([[n, m.start(), None]])
        elif n == lists[-1][-1][0] + 1:
            lists[-1].append([n, m.start(), None])
    for items in lists:
        for this, following in zip(items, items[1:]):
            this[2] = following[1]
        last = items[-1]
        last[2] = _LIST_END.search(cell, cell.index('.', last[1]) + 1).start()
    return [[tuple(item) for item in items] for items in lists]


def _items(cell):
    """All the items of the numbered lists of CELL (number, start, end), in order."""
    return [item for items in _lists(cell) for item in items]


def _find_item(lines, text, start):
    """The line, cell, list and item number of the numbered item whose text starts with TEXT, from line
    START on."""
    i = find(lines, text, start, within=True)
    cells = lines[i].split('\t')
    for k, cell in enumerate(cells):
        for li, items in enumerate(_lists(cell)):
            for n, s, e in items:
                if re.sub(r'^\d+\.\s?', '', cell[s:e]).startswith(text):
                    return i, k, li, n
    raise AssertionError(f'{text!r} on line {i} is not a numbered item')


def _without_item(cell, li, n):
    """CELL without item N of its list LI, the items after it renumbered; and the item's text."""
    items = _lists(cell)[li]
    _, s, e = next(x for x in items if x[0] == n)
    if n == items[-1][0]:  # the last item: the space before it goes
        s = len(cell[:s].rstrip())
    body = cell[s:e]
    out = cell[:s] + cell[e:]
    for m, ms, _ in reversed(items):  # renumber from the end: the positions before stay valid
        if m > n:
            ms -= len(body)
            out = out[:ms] + re.sub(r'^\d+', str(m - 1), out[ms:], count=1)
    return out, body.strip()


def delete_item(lines, start, text):
    """The numbered item (a skill's ability or knowledge) whose text starts with TEXT, the first from line
    START on, is deleted; the items after it in its list are renumbered."""
    i, k, li, n = _find_item(lines, text, start)
    out = list(lines)
    cells = out[i].split('\t')
    cells[k], _ = _without_item(cells[k], li, n)
    out[i] = '\t'.join(cells)
    return out


def move_item(lines, start, text, dest_start, dest_text):
    """The numbered item whose text starts with TEXT (from line START on) goes to the end of the list that
    holds the item starting with DEST_TEXT (from line DEST_START on), numbered after its last item; the
    items after it in its old list are renumbered."""
    i, k, li, n = _find_item(lines, text, start)
    out = list(lines)
    cells = out[i].split('\t')
    cells[k], body = _without_item(cells[k], li, n)
    out[i] = '\t'.join(cells)
    j, m, lj, _ = _find_item(out, dest_text, dest_start)
    cells = out[j].split('\t')
    last, _, e = _lists(cells[m])[lj][-1]
    cells[m] = cells[m][:e] + ' ' + re.sub(r'^\d+', str(last + 1), body, count=1) + cells[m][e:]
    out[j] = '\t'.join(cells)
    return out


def synthetic_standard(lines, count, sources=None, period=None):
    """A standard of COUNT cards in the layout of LINES: its cards (those numbered SOURCES, by default all)
    repeated in turn, each copy named and coded anew («NAME, вариант K»; the group's digits, then K's),
    numbered on from the first card (starting again every PERIOD cards); what comes before the cards and
    after them stays."""
    numbers = card_numbers(lines)
    sources = numbers if sources is None else list(sources)
    first = numbers[0]
    a, _ = card_span(lines, numbers[0])
    _, z = card_span(lines, numbers[-1])
    cards = []
    for k in range(count):
        source = sources[k % len(sources)]
        s, e = card_span(lines, source)
        name = re.search(r'[«"](.+?)[»"]', lines[s]).group(1)
        _, code = _value_line(lines, 'Код наименования занятия:', s, e)
        group = code.split('-')[0]
        cards += copy_card(lines, source, first + k % (period or count), f'{name}, вариант {k + 1}',
                           f'{group}-{k // 1000 % 10}-{k % 1000:03d}')
    return lines[:a] + cards + lines[z:]
