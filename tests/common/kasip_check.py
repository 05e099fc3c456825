"""kasip_check.py: the TAP-like lines the Python checks print — `ok - …` / `not ok - … detail` — and the
exit status at the end (1 when any failed)."""
import sys

passed = failed = 0


def check(ok, what, detail=''):
    global passed, failed
    if ok:
        passed += 1
        print('ok -', what)
    else:
        failed += 1
        print('not ok -', what, detail)


def finish():
    print(f'{passed} passed, {failed} failed')
    sys.exit(1 if failed else 0)
