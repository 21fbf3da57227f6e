"""Drives a jruns kernel with spares on through jupyter_client, as Jupyter would, and prints one
JSON line for SpareIT: how each launch was served and what the notebook saw.

usage: spare_session.py KERNEL_NAME SPARE_DIR
1. a first launch (no spare yet) runs a cell and shuts down by request: that leaves a spare;
2. a second launch, for a notebook of another folder (other/), is served by it: the JVM is not
   the launched process; the cell sees the same variables, the second notebook's folder (its
   working directory, a relative file's content, a process's pwd) and name (JPY_SESSION_NAME, in
   the JVM, in a process it starts, and in %notebook); it leaves a
   spare of its own once idle, and another after its next cell when that one has gone; then
   Jupyter kills the kernel's process group, and the JVM must go;
3. a third launch with another value of a variable is refused by the spare waiting by then
   (started by the second kernel after its cell), which exits; a JVM of its own serves it.
"""
import glob
import json
import os
import sys
import time

from jupyter_client.manager import KernelManager

CELL = ('System.out.println("out from the cell");\n'
        'ProcessHandle.current().pid() + "|" + java.nio.file.Path.of("").toAbsolutePath() + "|" + System.getenv("SPARE_IT")'
        ' + "|" + System.getenv("JPY_SESSION_NAME") + "|" + new String(new ProcessBuilder("sh", "-c", "echo $JPY_SESSION_NAME")'
        '.start().getInputStream().readAllBytes()).strip() + "|" + java.nio.file.Files.readString(java.nio.file.Path.of("data.txt"))'
        ' + "|" + new String(new ProcessBuilder("pwd").start().getInputStream().readAllBytes()).strip()')


def texts(msgs):
    return "".join(m["content"]["data"]["text/plain"] for m in msgs
                   if m["msg_type"] in ("display_data", "execute_result") and "text/plain" in m["content"].get("data", {}))


def launch(name, extra_env, cwd=None):
    km = KernelManager(kernel_name=name)
    env = dict(os.environ, **extra_env)
    t0 = time.monotonic()
    km.start_kernel(env=env, cwd=cwd or os.getcwd())
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    out = []
    reply = kc.execute_interactive(CELL, timeout=60, output_hook=lambda m: out.append(m))
    seconds = time.monotonic() - t0
    stdout = "".join(m["content"]["text"] for m in out if m["msg_type"] == "stream")
    value = next(m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result")
    pid, cwd, var, session, child_session, data, child_pwd = value.strip('"').split("|")
    shown = []
    kc.execute_interactive("%notebook", timeout=60, output_hook=lambda m: shown.append(m))
    return km, kc, {"status": reply["content"]["status"], "launcher_pid": km.provisioner.process.pid,
                    "jvm_pid": int(pid), "cwd": cwd, "var": var, "stdout": stdout, "seconds": round(seconds, 3),
                    "session": session, "child_session": child_session, "data": data, "child_pwd": child_pwd,
                    "notebook": texts(shown).strip()}


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open("/proc/%d/stat" % pid) as f:
        return f.read().split(")")[-1].split()[0] != "Z"


def spare_pids(d, listening=True):
    """Spares that hold a lock (each writes its pid in it), and listen on their socket if asked."""
    pids = []
    for lock in glob.glob(os.path.join(d, "*.lock")):
        with open(lock) as f:
            text = f.read().strip()
        if text.isdigit() and alive(int(text)) and (not listening or os.path.exists(lock[:-5] + ".sock")):
            pids.append(int(text))
    return pids


def main():
    name, d = sys.argv[1], sys.argv[2]
    result = {}
    sockets = lambda: glob.glob(os.path.join(d, "*.sock"))

    km, kc, result["first"] = launch(name, {"SPARE_IT": "one", "JPY_SESSION_NAME": "first.ipynb"})
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    result["spare_after_shutdown"] = wait_for(sockets, 60)

    km, kc, result["second"] = launch(name, {"SPARE_IT": "one", "JPY_SESSION_NAME": "second.ipynb"},
                                      os.path.abspath("other"))
    result["spare_after_idle"] = wait_for(lambda: spare_pids(d), 60)  # the second kernel's own spare
    gone = spare_pids(d)  # as if it had waited its idle time out: the kernel's next cell starts another
    for p in gone:
        os.kill(p, 9)
    wait_for(lambda: not any(alive(p) for p in gone), 10)
    kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
    result["spare_after_next_cell"] = wait_for(lambda: [p for p in spare_pids(d) if p not in gone], 60)
    kc.stop_channels()
    km.shutdown_kernel(now=True)  # SIGKILL to the launcher's process group, as on a dead kernel
    result["served_jvm_gone"] = wait_for(lambda: not alive(result["second"]["jvm_pid"]), 20)

    waiting = spare_pids(d)
    result["waiting"] = waiting
    km, kc, result["third"] = launch(name, {"SPARE_IT": "two", "JPY_SESSION_NAME": "second.ipynb"})
    result["refusing_spare_gone"] = bool(waiting) and wait_for(lambda: not any(alive(p) for p in waiting), 20)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    for p in spare_pids(d, listening=False):
        os.kill(p, 9)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
