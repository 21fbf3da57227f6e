"""A Jupyter session's first notebook (issue 14's first cell, where no kernel ran before): starts
a Jupyter server, waits as a person opening the page would, opens a notebook in a folder of its
own through the REST API as JupyterLab does, and times session request -> result of "1+1".
Alternates, round by round: jruns with its server extension (the server starts a spare), jruns
without it (the first kernel is a JVM started for the launch), and ipykernel, in the same server.

usage: server_spare.py WORK MODULE_DIR [--rounds N] [--wait S]...
WORK holds prefix/ (jruns installed --prefix with --server-spare). Prints a line per case with
its median and a JSON summary line.
"""
import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

from jupyter_client import BlockingKernelClient

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernel", "src", "test", "python"))
from startup_bench import wait_reply  # noqa: E402 (the shell reply, once the cell is done)

TOKEN = "server-spare-bench"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(port, method, path, body=None):
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "token " + TOKEN})
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read()
        return json.loads(text) if text else None


def stop_spares(mark):
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/environ" % pid, "rb") as f:
                    if mark in f.read().split(b"\0"):
                        os.kill(int(pid), 9)
            except OSError:
                pass


def one_round(work, module_dir, kernel, extension, wait, n):
    spares = tempfile.mkdtemp(prefix="sb-")  # a fresh folder: no spare from an earlier round
    root = os.path.join(work, "root")
    folder = os.path.join(root, "folder-%d" % n)
    os.makedirs(folder)
    with open(os.path.join(folder, "nb.ipynb"), "w") as f:
        f.write('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    runtime = os.path.join(work, "runtime")
    env = dict(os.environ, JRUNS_SPARE_DIR=spares, JRUNS_SPARE_IDLE_MINUTES="2",
               JUPYTER_PATH=os.path.join(work, "prefix", "share", "jupyter"),
               JUPYTER_CONFIG_DIR=os.path.join(work, "config"), JUPYTER_RUNTIME_DIR=runtime,
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    env.pop("JRUNS_SPARE", None)
    if extension:
        env["JUPYTER_CONFIG_PATH"] = os.path.join(work, "prefix", "etc", "jupyter")
        env["PYTHONPATH"] = module_dir
    port = free_port()
    log = open(os.path.join(work, "server.log"), "ab")  # appended round after round
    server = subprocess.Popen(["/usr/bin/jupyter", "server", "--no-browser", "--allow-root", "--ip=127.0.0.1",
                               "--port=%d" % port, "--ServerApp.token=" + TOKEN, "--ServerApp.root_dir=" + root],
                              env=env, stdout=log, stderr=log, cwd=work)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                api(port, "GET", "/api/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        time.sleep(wait)  # a person opening the page and a notebook
        t0 = time.monotonic()
        session = api(port, "POST", "/api/sessions", {"path": "folder-%d/nb.ipynb" % n, "type": "notebook",
                                                     "name": "nb.ipynb", "kernel": {"name": kernel}})
        kc = BlockingKernelClient()
        kc.load_connection_file(os.path.join(runtime, "kernel-%s.json" % session["kernel"]["id"]))
        kc.start_channels()
        try:
            wait_reply(kc, kc.kernel_info(), 120)  # as a frontend does first
            reply = wait_reply(kc, kc.execute("1+1"), 120)
            seconds = time.monotonic() - t0
            assert reply["content"]["status"] == "ok", reply
        finally:
            kc.stop_channels()
        api(port, "DELETE", "/api/sessions/" + session["id"])
        return seconds
    finally:
        server.terminate()
        server.wait(30)
        log.close()
        stop_spares(("JRUNS_SPARE_DIR=" + spares).encode())
        shutil.rmtree(spares, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("module_dir")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--wait", type=float, action="append", default=[])
    args = ap.parse_args()
    waits = args.wait or [5.0]
    cases = [("jruns, server spare", "jruns", True), ("jruns, no server spare", "jruns", False),
             ("ipykernel", "python3", False)]
    times = {(c[0], w): [] for c in cases for w in waits}
    n = 0
    for c in cases:  # untimed: disk caches
        n += 1
        one_round(args.work, args.module_dir, c[1], c[2], 1.0, n)
    for _ in range(args.rounds):
        for w in waits:
            for name, kernel, ext in cases:
                n += 1
                times[(name, w)].append(one_round(args.work, args.module_dir, kernel, ext, w, n))
    summary = {}
    for (name, w), ts in times.items():
        med = statistics.median(ts)
        summary["%s @%gs" % (name, w)] = {"median_s": round(med, 3), "all_s": [round(t, 3) for t in ts]}
        print("%-26s opened %4.1f s after the server: session -> first 1+1 %.3f s median (%s)"
              % (name, w, med, " ".join("%.2f" % t for t in ts)))
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
