"""Reads startup_bench.py's JSON summary on stdin and prints the kernel targets (issues 3 and 14)
as a table. A missed target says MISSED; the exit status stays 0 (a benchmark informs, it does
not fail a build)."""
import json
import sys

s = json.loads(sys.stdin.read().strip().splitlines()[-1])
j, d, p, m = s["jruns"], s["jruns-direct"], s["python3"], s["magic_overhead_ms"]
first, cold, ipy = j["first_cell_median_s"], d["first_cell_median_s"], p["first_cell_median_s"]
rows = [
    ("kernel_info_reply after launch, median", f"{j['kernel_info_median_s']:.3f} s",
     f"{p['kernel_info_median_s']:.3f} s (ipykernel)", "<= 1.5 s", j["kernel_info_median_s"] <= 1.5),
    ("first cell 1+1 done after launch, median", f"{first:.3f} s",
     f"{ipy:.3f} s (ipykernel)", "<= 0.7 s", first <= 0.7),
    ("  the same against ipykernel", f"{first / ipy:.2f}x", "1.00x", "<= 1.5x", first <= 1.5 * ipy),
    ("first cell %run start/logMetric/%run end", f"{j['run_cell_median_s']:.3f} s",
     f"{ipy:.3f} s (ipykernel 1+1)", "<= 1.0 s", j["run_cell_median_s"] <= 1.0),
    ("no spare (--no-spare): first cell 1+1", f"{cold:.3f} s",
     f"{ipy:.3f} s (ipykernel)", "<= 0.7 s", cold <= 0.7),
    ("  the same against ipykernel", f"{cold / ipy:.2f}x", "1.00x", "<= 1.5x", cold <= 1.5 * ipy),
    ("no spare: first cell %run start/.../%run end", f"{d['run_cell_median_s']:.3f} s",
     f"{ipy:.3f} s (ipykernel 1+1)", "<= 1.0 s", d["run_cell_median_s"] <= 1.0),
    ("%notebook alone, over an empty cell", f"+{m['magic_only'] - m['empty_cell']:.1f} ms",
     f"{m['empty_cell']:.1f} ms (empty cell)", "<= 5 ms", m["magic_only"] - m["empty_cell"] <= 5),
    ("%metric loss=0.5 (flush included), over empty", f"+{m['metric_magic'] - m['empty_cell']:.1f} ms",
     f"{m['empty_cell']:.1f} ms (empty cell)", "<= 5 ms", m["metric_magic"] - m["empty_cell"] <= 5),
]
print()
print("jruns: each launch for a notebook not opened before, in a new folder (served by the spare the kernel before left)")
print(f"{'benchmark':48} | {'jruns':>10} | {'baseline (same run)':>26} | {'target':>8} | result")
print("-" * 112)
for name, a, b, t, ok in rows:
    print(f"{name:48} | {a:>10} | {b:>26} | {t:>8} | {'met' if ok else 'MISSED'}")
