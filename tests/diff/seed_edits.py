"""Known edits of the published seeds, for the diff's tests (check-diff.py) and its benchmark.

Each edit takes the lines of a seed's text and returns the edited lines; it raises if the text it
expects is not where it expects it, so a changed seed fails loudly instead of testing nothing.
"""


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
