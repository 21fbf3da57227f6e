"""Reads startup_bench.py's JSON summary on stdin and prints the issue-3 targets as a table."""
import json
import sys

s = json.loads(sys.stdin.read().strip().splitlines()[-1])
j, p, m = s["jruns"], s["python3"], s["magic_overhead_ms"]
rows = [
    ("kernel_info_reply after launch, median", f"{j['kernel_info_median_s']:.3f} s",
     f"{p['kernel_info_median_s']:.3f} s (ipykernel)", "<= 1.5 s", j["kernel_info_median_s"] <= 1.5),
    ("first cell 1+1 done after launch, median", f"{j['first_cell_median_s']:.3f} s",
     f"{p['first_cell_median_s']:.3f} s (ipykernel)", "", None),
    ("%notebook alone, over an empty cell", f"+{m['magic_only'] - m['empty_cell']:.1f} ms",
     f"{m['empty_cell']:.1f} ms (empty cell)", "<= 5 ms", m["magic_only"] - m["empty_cell"] <= 5),
    ("%metric loss=0.5 (flush included), over empty", f"+{m['metric_magic'] - m['empty_cell']:.1f} ms",
     f"{m['empty_cell']:.1f} ms (empty cell)", "<= 5 ms", m["metric_magic"] - m["empty_cell"] <= 5),
]
print()
print(f"{'benchmark':48} | {'jruns':>10} | {'baseline (same run)':>24} | {'target':>8} | result")
print("-" * 108)
for name, a, b, t, ok in rows:
    print(f"{name:48} | {a:>10} | {b:>24} | {t:>8} | {'' if ok is None else ('PASS' if ok else 'FAIL')}")
sys.exit(0 if all(r[4] in (None, True) for r in rows) else 1)
