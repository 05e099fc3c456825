/* ksp-bench-probe.h: timings of the editor for bench/bench-editor.py, only when KASIP_BENCH is set
 *
 * KASIP_BENCH holds the launch time as g_get_monotonic_time() would give it (µs of CLOCK_MONOTONIC; the
 * benchmark passes it), or anything else to count from the probe's installation. The probe then drives
 * the window through its public API, times each step up to the frame that shows it (the frame clock's
 * "after-paint"), prints one line
 *   bench: first-frame-ms=… open-standard-ms=… open-call-ms=… card-switch-ms=… switch-call-ms=…
 *          keystroke-to-stored-ms=… commit-ms=… vmhwm-kb=… standards=… verified=yes|no [failed=STEP]
 * (the …-call-ms: the part of the step spent in the call itself, before the frame)
 * and closes the window. Without KASIP_BENCH it does nothing.
 */
#pragma once

#include "ksp-window.h"

G_BEGIN_DECLS

void ksp_bench_probe_install (KspWindow *window);

G_END_DECLS
