"""Kernel start-up benchmark: launch each kernel N times with jupyter_client and time
launch -> first kernel_info_reply, launch -> result of a first cell ("1+1"), and, in a
separate launch, launch -> KernelClient.wait_for_ready() (what nbclient waits for; it polls
with 1 s timeouts and also waits for IOPub, so it is coarser), and for the kernels named by
--run-cell, launch -> result of a first cell that starts a run, logs a metric and ends it.

Usage: /usr/bin/python3 startup_bench.py [--runs N] [--cell CODE] [--graceful] [--pause S] [--notebooks | --folders] KERNEL_NAME...
Kernels are found on JUPYTER_PATH as usual. Runs are interleaved so that both kernels see the
same machine load. Prints one line per kernel with medians, then a JSON summary line.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager


RUN_CELL = '%run start\nJruns.logMetric("loss", 0.5);\n%run end'


def wait_reply(kc, msg_id, timeout):
    deadline = time.monotonic() + timeout
    while True:
        msg = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


GRACEFUL = False  # --graceful: shut kernels down with a shutdown_request, as nbclient and Jupyter do
PAUSE = 0.0  # --pause: seconds between launches, for what a kernel starts at its shutdown (spares)
NOTEBOOKS = False  # --notebooks: each launch for a notebook of its own (JPY_SESSION_NAME), as Jupyter names them
FOLDERS = None  # --folders: where each launch gets a folder of its own too (the kernel's working directory)
LAUNCHES = 0


def start(km):
    """Starts the kernel, for a notebook not opened before if --notebooks, in a new folder if --folders."""
    global LAUNCHES
    LAUNCHES += 1
    if NOTEBOOKS:
        cwd = os.getcwd()
        if FOLDERS:
            cwd = os.path.join(FOLDERS, "folder-%d" % LAUNCHES)
            os.mkdir(cwd)
        km.start_kernel(env=dict(os.environ, JPY_SESSION_NAME="notebook-%d.ipynb" % LAUNCHES), cwd=cwd)
    else:
        km.start_kernel()


def stop(km):
    km.shutdown_kernel(now=not GRACEFUL)
    time.sleep(PAUSE)


def one_start(kernel_name, cell):
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.monotonic()
    start(km)
    kc = km.client()
    kc.start_channels()
    try:
        wait_reply(kc, kc.kernel_info(), 120)
        t_info = time.monotonic() - t0
        reply = wait_reply(kc, kc.execute(cell), 120)
        t_cell = time.monotonic() - t0
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{kernel_name}: {cell!r} failed: {reply['content']}")
        return t_info, t_cell
    finally:
        kc.stop_channels()
        stop(km)


def one_ready(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    t0 = time.monotonic()
    start(km)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        return time.monotonic() - t0
    finally:
        kc.stop_channels()
        stop(km)


def magic_overhead(kernel_name, runs):
    """Median ms of cells with and without a line magic: an empty cell vs "%notebook" alone
    (the magic's own cost), and a one-line Java cell vs the same with "%notebook" before it."""
    cells = ("", "%notebook", "int z = 1;", "%notebook\nint z = 1;", "%metric loss=0.5")
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        times = {c: [] for c in cells}
        for _ in range(3):
            for c in cells:
                wait_reply(kc, kc.execute(c), 60)
        for _ in range(runs):
            for c in cells:
                t = time.monotonic()
                wait_reply(kc, kc.execute(c), 60)
                times[c].append((time.monotonic() - t) * 1000)
        return [statistics.median(times[c]) for c in cells]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cell", default="1+1")
    ap.add_argument("--magic-overhead", metavar="KERNEL", help="also time a cell with and without %%notebook")
    ap.add_argument("--run-cell", metavar="KERNEL", action="append", default=[],
                    help="also time a first cell that starts a run, logs a metric and ends it")
    ap.add_argument("--graceful", action="store_true", help="shut kernels down by request, not by signal")
    ap.add_argument("--pause", type=float, default=0.0, help="seconds to wait after each kernel stops")
    ap.add_argument("--notebooks", action="store_true", help="each launch for another notebook (JPY_SESSION_NAME)")
    ap.add_argument("--folders", action="store_true", help="each launch for another notebook, in a new folder")
    ap.add_argument("kernels", nargs="+")
    args = ap.parse_args()
    global GRACEFUL, PAUSE, NOTEBOOKS, FOLDERS
    GRACEFUL, PAUSE, NOTEBOOKS = args.graceful, args.pause, args.notebooks or args.folders
    FOLDERS = tempfile.mkdtemp(prefix="startup-bench-") if args.folders else None
    results = {k: {"info": [], "cell": [], "ready": [], "run": []} for k in args.kernels}
    for k in args.kernels:  # one untimed start each: disk caches
        one_start(k, args.cell)
    for _ in range(args.runs):
        for k in args.kernels:
            info, cell = one_start(k, args.cell)
            results[k]["info"].append(info)
            results[k]["cell"].append(cell)
            results[k]["ready"].append(one_ready(k))
            if k in args.run_cell:
                results[k]["run"].append(one_start(k, RUN_CELL)[1])
    summary = {}
    for k, r in results.items():
        s = {
            "kernel_info_median_s": round(statistics.median(r["info"]), 3),
            "kernel_info_min_s": round(min(r["info"]), 3),
            "kernel_info_max_s": round(max(r["info"]), 3),
            "first_cell_median_s": round(statistics.median(r["cell"]), 3),
            "wait_for_ready_median_s": round(statistics.median(r["ready"]), 3),
            "runs": len(r["info"]),
        }
        if r["run"]:
            s["run_cell_median_s"] = round(statistics.median(r["run"]), 3)
        summary[k] = s
        print(f"{k:>12}: kernel_info_reply median {s['kernel_info_median_s']:.3f} s "
              f"(min {s['kernel_info_min_s']:.3f}, max {s['kernel_info_max_s']:.3f}); "
              f"wait_for_ready {s['wait_for_ready_median_s']:.3f} s; "
              f"first cell {args.cell!r} done at {s['first_cell_median_s']:.3f} s; {s['runs']} runs"
              + (f"; a first run cell done at {s['run_cell_median_s']:.3f} s" if "run_cell_median_s" in s else ""))
    if args.magic_overhead:
        empty, magic, java, both, metric = magic_overhead(args.magic_overhead, max(20, args.runs * 3))
        summary["magic_overhead_ms"] = {"empty_cell": round(empty, 2), "magic_only": round(magic, 2),
                                        "java_cell": round(java, 2), "magic_and_java": round(both, 2),
                                        "metric_magic": round(metric, 2)}
        print(f"{args.magic_overhead:>12}: empty cell {empty:.1f} ms, '%notebook' {magic:.1f} ms "
              f"(magic adds {magic - empty:.1f} ms); 'int z = 1;' {java:.1f} ms, "
              f"with '%notebook' before it {both:.1f} ms; '%metric loss=0.5' {metric:.1f} ms "
              f"(adds {metric - empty:.1f} ms, flush to disk included)")
    print(json.dumps(summary))
    sys.stdout.flush()
    if FOLDERS:
        shutil.rmtree(FOLDERS, ignore_errors=True)


if __name__ == "__main__":
    main()
