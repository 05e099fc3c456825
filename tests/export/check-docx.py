#!/usr/bin/python3
"""DOCX export read back by other tools, for every published sample:
  - every XML part is well-formed (xmllint);
  - python-docx reads the paragraphs and the table cells: the title, every card title, every knowledge item;
  - the page is A4 with margins 30/15/20/20 mm, Times New Roman 14 pt in the document defaults;
  - LibreOffice converts it to PDF and pdftotext finds every card title and every knowledge item;
  - LibreOffice saves it as DOCX again, and Kasip reads that file's visible text back to the same counts.
Run by meson (suite export) with the kasip binary and the samples folder as arguments.
Uses Debian's /usr/bin/python3 with python3-docx; LibreOffice and poppler-utils."""
import json, os, re, subprocess, sys, tempfile, xml.etree.ElementTree as ET, zipfile

kasip, samples = sys.argv[1], sys.argv[2]
seeds = [('000_2b67e049b4513cfa.txt', 'ru'), ('001_efa396441f2b22fb.txt', 'ru'),
         ('002_a9356737b7c953f7.txt', 'kk'), ('004_8a82f9fdc926935f.txt', 'kk')]
NS = '{urn:kasip:xml:1}'
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print('ok -', what)
    else:
        failed += 1
        print('not ok -', what)

def norm(s):
    return re.sub(r'\s+', ' ', s).strip()

def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)

tmp = tempfile.mkdtemp(prefix='kasip-check-docx-')
profile = 'file://' + os.path.join(tmp, 'lo-profile')
for seed, lang in seeds:
    src = os.path.join(samples, seed)
    base = seed[:3]
    docx = os.path.join(tmp, base + '.docx')
    xml = os.path.join(tmp, base + '.xml')
    run(kasip, 'export', src, '--format', 'docx', '--lang', lang, '-o', docx)
    run(kasip, 'export', src, '--format', 'xml', '-o', xml)

    # What must be there, from the model (its XML export).
    tree = ET.parse(xml)
    def text_of(el, field):
        f = el.find(NS + field)
        t = f.find(NS + lang) if f is not None else None
        return t.text or '' if t is not None else ''
    titles = [norm(text_of(c, 'title')) for c in tree.iter(NS + 'card')]
    knowledge = [norm(text_of(k, 'text')) for k in tree.iter(NS + 'knowledge')]
    titles = [t for t in titles if t]
    knowledge = [k for k in knowledge if k]
    check(len(titles) > 0 and len(knowledge) > 0, f'{base}: {len(titles)} cards, {len(knowledge)} knowledge items to find')

    # Every part is well-formed XML.
    with zipfile.ZipFile(docx) as z:
        bad = []
        for name in z.namelist():
            data = z.read(name)
            r = subprocess.run(['xmllint', '--noout', '-'], input=data, capture_output=True)
            if r.returncode != 0:
                bad.append(name)
        check(not bad, f'{base}: xmllint accepts every part ({len(z.namelist())} parts) {bad}')
        styles = z.read('word/styles.xml').decode()
        check('w:ascii="Times New Roman"' in styles and 'w:hAnsi="Times New Roman"' in styles and
              'w:cs="Times New Roman"' in styles and '<w:sz w:val="28"/>' in styles,
              f'{base}: Times New Roman 14 pt (ascii, hAnsi, cs) in the document defaults')
        document = z.read('word/document.xml').decode()
        check('<w:instrText xml:space="preserve"> PAGE </w:instrText>' in z.read('word/header1.xml').decode(),
              f'{base}: page number field in the header')
        check('w:pageBreakBefore' in document or base in ('000', '002'), f'{base}: the appendix starts on a new page')

    # python-docx reads paragraphs and table cells back.
    import docx as pydocx
    d = pydocx.Document(docx)
    sec = d.sections[0]
    mm = lambda emu: round(emu / 36000)
    check((mm(sec.page_width), mm(sec.page_height)) == (210, 297), f'{base}: A4 page ({mm(sec.page_width)}×{mm(sec.page_height)} mm)')
    check((mm(sec.left_margin), mm(sec.right_margin), mm(sec.top_margin), mm(sec.bottom_margin)) == (30, 15, 20, 20),
          f'{base}: margins 30/15/20/20 mm')
    texts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                texts.append(cell.text)
    alltext = norm(' '.join(texts))
    missing = [t for t in titles if t not in alltext]
    check(not missing, f'{base}: python-docx finds every card title {missing[:3]}')
    missing = [k for k in knowledge if k not in alltext]
    check(not missing, f'{base}: python-docx finds every knowledge item ({len(knowledge)}) {missing[:3]}')
    check(len(d.tables) >= len(titles), f'{base}: a table per card ({len(d.tables)} tables)')

    # LibreOffice: PDF, then pdftotext.
    run('soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'pdf', '--outdir', tmp, docx)
    pdf = os.path.join(tmp, base + '.pdf')
    info = run('pdfinfo', pdf).stdout
    check('595.3' in info and '841.8' in info, f'{base}: LibreOffice makes an A4 PDF')
    pages = int(re.search(r'Pages:\s+(\d+)', info).group(1))
    # PDF text wraps lines inside words and spaces dashes its own way: compare letters and digits only.
    letters = lambda t: re.sub(r'[\W_]+', '', t).lower()
    # The page numbers (a line of digits at the top of each page) fall inside text that crosses pages.
    pdftext = letters('\n'.join(l for l in run('pdftotext', pdf, '-').stdout.split('\n') if not l.strip().isdigit()))
    # Text that crosses a page break inside a table comes out of pdftotext with the other column's text
    # between its parts (where the page breaks depends on the fonts installed): such text is looked for
    # word by word, in order, with gaps of at most about a page.
    def found(k):
        if letters(k) in pdftext:
            return True
        words = [letters(w) for w in k.split() if letters(w)]
        if not words:
            return False
        for start in [m.start() for m in re.finditer(re.escape(words[0]), pdftext)]:
            pos = start
            for word in words:
                nxt = pdftext.find(word, pos)
                if nxt < 0 or nxt - pos > 20000:  # about a page
                    break
                pos = nxt + len(word)
            else:
                return True
        return False
    missing = [t for t in titles if not found(t)]
    check(not missing, f'{base}: pdftotext finds every card title ({len(titles)}, {pages} pages) {missing[:3]}')
    missing = [k for k in knowledge if not found(k)]
    check(not missing, f'{base}: pdftotext finds every knowledge item ({len(knowledge)}) {missing[:3]}')

    # LibreOffice saves it as DOCX; Kasip reads that file's visible text (the 2024 layout: same counts).
    lo_dir = os.path.join(tmp, 'lo')
    os.makedirs(lo_dir, exist_ok=True)
    run('soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'docx:MS Word 2007 XML',
        '--outdir', lo_dir, docx)
    if lang == 'ru':
        want = json.loads(run(kasip, 'inspect', src, '--json').stdout)
        got = json.loads(run(kasip, 'inspect', os.path.join(lo_dir, base + '.docx'), '--json').stdout)
        keys = ('cards', 'functions', 'skills', 'abilities', 'knowledge')
        check(all(want[k] == got[k] for k in keys),
              f'{base}: DOCX saved by LibreOffice reads back with the same counts ' +
              ' '.join(f'{k}={got[k]}/{want[k]}' for k in keys))

print(f'{passed} passed, {failed} failed')
sys.exit(1 if failed else 0)
