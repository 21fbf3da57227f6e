"""Drives a kernel whose class path has a test Extension using JrunsKernel's plug-in points
(cell and shutdown listeners, magics, start-up snippets). Run by KernelHooksIT; prints
HOOKS-SESSION-OK at the end, raises on the first surprise.

    /usr/bin/python3 hooks_session.py KERNEL_NAME
"""
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code, metadata=None):
    msg = kc.session.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
    }, metadata=metadata or {})
    kc.shell_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    result, error = None, None
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "execute_result":
            result = m["content"]["data"]["text/plain"]
        elif m["msg_type"] == "display_data" and result is None:
            result = m["content"]["data"].get("text/plain")
        elif m["msg_type"] == "error":
            error = m["content"]
        elif m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], result, error


def expect(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def main(kernel):
    km, kc = start_new_kernel(kernel_name=kernel)
    status, result, _ = run(kc, "Duration.ofSeconds(2).toMillis()", {"cellId": "c-1"})
    expect((status, result), ("ok", "2000"), "start-up snippet import")
    status, _, error = run(kc, "1 / 0")
    expect((status, error["ename"]), ("error", "ArithmeticException"), "failing cell")
    status, result, _ = run(kc, '%probe a "b c"')
    expect(result, "probe [a, b c]", "extension line magic")
    status, result, _ = run(kc, "%%twice\nint n = 1;\nn = n + 1;")
    expect(result, "assigned [n, n]", "extension cell magic")
    status, _, error = run(kc, "%%twice\nint m = 1;\nint k = m / 0;")
    expect(status, "error", "cell magic body failing")
    if "line 3" not in "\n".join(error["traceback"]):
        raise AssertionError(f"body error should point at line 3 of the cell: {error}")
    status, result, _ = run(kc, "%help notebook")
    if "Show or set the notebook file" not in (result or ""):
        raise AssertionError(f"%help NAME should describe that magic: {result}")
    status, result, _ = run(kc, "%raw")
    expect(result, "Object[] n=2", "evalRaw gives objects, variables() reads values")
    km.restart_kernel(now=False)
    time.sleep(0.5)
    kc.wait_for_ready(timeout=60)
    status, result, _ = run(kc, "1 + 1")
    expect(result, "2", "after restart")
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print("HOOKS-SESSION-OK")


if __name__ == "__main__":
    main(sys.argv[1])
