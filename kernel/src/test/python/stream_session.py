"""Stream output through a real kernel and jupyter_client: long output arrives whole and in
order, stdout/stderr/display keep their order, and a slow loop's lines show promptly. Run by
StreamOutputIT; prints one STREAM ... line per check and STREAM-SESSION-OK at the end, raises
on the first surprise.

    /usr/bin/python3 stream_session.py KERNEL_NAME long|slow
"""
import queue
import re
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code, timeout=60):
    """Executes code, reading iopub as it comes (as nbclient does); returns (reply status, [(arrival, msg)]).
    Where iopub falls silent before the idle status (dropped too), the status is "no idle"."""
    msg_id = kc.execute(code)
    events = []
    while True:
        try:
            m = kc.get_iopub_msg(timeout=timeout)
        except queue.Empty:
            return "no idle", events
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
        if m["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            events.append((time.time(), m))
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"], events


def long_loop(kc, n):
    status, events = run(kc, f'for (int i = 0; i < {n}; i++) System.out.println("line " + i);')
    streams = [m["content"] for _, m in events if m["msg_type"] == "stream"]
    text = "".join(c["text"] for c in streams if c["name"] == "stdout")
    lines = text.splitlines()
    print(f"STREAM lines={n} messages={len(streams)} received={len(lines)}", flush=True)
    if status != "ok":
        raise AssertionError(f"{n}-line loop: reply status {status}")
    expected = [f"line {i}" for i in range(n)]
    if lines != expected:
        missing = next((i for i, (a, b) in enumerate(zip(lines, expected)) if a != b), min(len(lines), n))
        raise AssertionError(f"{n}-line loop: {len(lines)} of {n} lines arrived, first wrong or missing at line {missing}")


def order(kc):
    code = ('System.out.println("a"); System.err.println("b"); System.out.println("c");\n'
            'display("d"); System.out.print("e"); System.err.print("f"); System.out.println("g");\n'
            '"h"')
    status, events = run(kc, code)
    seen = []
    for _, m in events:
        c = m["content"]
        if m["msg_type"] == "stream":
            piece = (c["name"], c["text"])
            if seen and seen[-1][0] == c["name"]:  # a split run of one stream counts as one
                piece = (c["name"], seen.pop()[1] + c["text"])
            seen.append(piece)
        else:
            seen.append((m["msg_type"], c["data"]["text/plain"]))
    expected = [("stdout", "a\n"), ("stderr", "b\n"), ("stdout", "c\n"), ("display_data", "d"),
                ("stdout", "e"), ("stderr", "f"), ("stdout", "g\n"), ("execute_result", "h")]
    if (status, seen) != ("ok", expected):
        raise AssertionError(f"order: expected {expected}, got {status} {seen}")
    print("STREAM order ok", flush=True)


def slow_loop(kc):
    """Each piece carries the kernel's clock when printed; the client's clock on arrival says how late it was."""
    code = ('for (int i = 0; i < 4; i++) {\n'
            '  System.out.println("tick " + System.currentTimeMillis());\n'
            '  Thread.sleep(600);\n'
            '  System.out.print("dot " + System.currentTimeMillis() + ";");\n'
            '  Thread.sleep(600);\n'
            '}')
    status, events = run(kc, code)
    delays = []
    for arrived, m in events:
        if m["msg_type"] == "stream":
            for stamp in re.findall(r"(?:tick|dot) (\d+)", m["content"]["text"]):
                delays.append(arrived * 1000 - int(stamp))
    print(f"STREAM slow pieces={len(delays)} max-delay-ms={max(delays, default=-1):.0f}", flush=True)
    if status != "ok" or len(delays) != 8:
        raise AssertionError(f"slow loop: status {status}, {len(delays)} of 8 pieces arrived")
    if max(delays) > 300:
        raise AssertionError(f"slow loop: a piece arrived {max(delays):.0f} ms after it was printed: {delays}")


def main(kernel, check):
    km, kc = start_new_kernel(kernel_name=kernel)
    try:
        run(kc, 'System.out.println("warm");')
        if check == "slow":
            slow_loop(kc)
        else:
            order(kc)
            long_loop(kc, 20_000)
            long_loop(kc, 200_000)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("STREAM-SESSION-OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
