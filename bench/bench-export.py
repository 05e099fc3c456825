#!/usr/bin/env python3
"""Export speed: Kasip writing seed 000 (the whole standard: 21 cards) as DOCX in the ministry's layout,
against pandoc and LibreOffice converting the same content to DOCX.
  - kasip:       kasip export SEED --format docx (reads the portal text, builds the model, writes the package)
  - pandoc:      pandoc -f markdown -t docx on the same standard as text (kasip export --format text)
  - LibreOffice: soffice --headless --convert-to docx on that text file
Prints medians and the ratios. A benchmark, not a test: run it by hand or with
  meson test -C build --benchmark --suite bench -v"""
import os, shutil, statistics, subprocess, sys, tempfile, time

kasip = sys.argv[1] if len(sys.argv) > 1 else 'build/app/kasip'
seed = sys.argv[2] if len(sys.argv) > 2 else 'data/samples/000_2b67e049b4513cfa.txt'
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
tmp = tempfile.mkdtemp(prefix='kasip-bench-')
text = os.path.join(tmp, 'standard.txt')
subprocess.run([kasip, 'export', seed, '--format', 'text', '-o', text], check=True, capture_output=True)

def timed(args, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)

results = {}
results['kasip'] = timed([kasip, 'export', seed, '--format', 'docx', '-o', os.path.join(tmp, 'kasip.docx')], runs)
if shutil.which('pandoc'):
    results['pandoc'] = timed(['pandoc', '-f', 'markdown', '-t', 'docx', '-o', os.path.join(tmp, 'pandoc.docx'), text], runs)
if shutil.which('soffice'):
    profile = 'file://' + os.path.join(tmp, 'lo-profile')
    subprocess.run(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'docx', '--outdir', tmp, text],
                   check=True, capture_output=True)  # first start creates the profile
    results['libreoffice'] = timed(['soffice', f'-env:UserInstallation={profile}', '--headless', '--convert-to', 'docx',
                                    '--outdir', tmp, text], max(3, runs // 3))

size = os.path.getsize(seed) / 1024
print(f'Export of {os.path.basename(seed)} ({size:.0f} KB, 21 cards) to DOCX, median of {runs} runs:')
for name, (med, best) in results.items():
    print(f'  {name:12s} median {med:8.1f} ms   best {best:8.1f} ms')
k = results['kasip'][0]
for name in ('pandoc', 'libreoffice'):
    if name in results:
        print(f'  Kasip is {results[name][0] / k:5.1f}× faster than {name}')
shutil.rmtree(tmp, ignore_errors=True)
