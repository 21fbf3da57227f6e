"""Reads startup_bench.py's JSON summary (kernels "this", "base" and "python3") on stdin and prints
this checkout's start-up beside the base commit's, with the ratio (bench/kernel-vs)."""
import json
import sys

s = json.loads(sys.stdin.read().strip().splitlines()[-1])
ref = sys.argv[1] if len(sys.argv) > 1 else "base"
this, base, ipy = s["this"], s["base"], s["python3"]
rows = [("launch -> kernel_info_reply", "kernel_info_median_s"),
        ("launch -> first 1+1 result", "first_cell_median_s"),
        ("launch -> first run cell done", "run_cell_median_s")]
print()
print(f"{'median of ' + str(this['runs']) + ' launches':32} | {'this':>8} | {ref[:12]:>12} | this/base | ipykernel")
print("-" * 80)
for name, key in rows:
    other = f"{ipy[key]:.3f} s" if key in ipy else ""
    print(f"{name:32} | {this[key]:6.3f} s | {base[key]:10.3f} s | {this[key] / base[key]:8.2f}x | {other}")
