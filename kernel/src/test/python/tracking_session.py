"""Drives the jruns kernel through a restart and a shutdown with runs left open, for
TrackingHooksIT. Prints TRACKING-SESSION-OK at the end, raises on the first surprise.

    /usr/bin/python3 tracking_session.py KERNEL_NAME
"""
import sys
import time

from jupyter_client.manager import start_new_kernel


def run(kc, code, cell_id):
    msg = kc.session.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
    }, metadata={"cellId": cell_id})
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            if reply["content"]["status"] != "ok":
                raise AssertionError(f"{code!r} failed: {reply['content']}")
            return


def main(kernel):
    km, kc = start_new_kernel(kernel_name=kernel)
    run(kc, '%run start "left open"', "c-1")
    run(kc, "Jruns.logMetric(\"loss\", 0.5, 1);", "c-2")
    run(kc, "%metric acc=0.9", "c-2")
    km.restart_kernel(now=False)
    time.sleep(0.5)
    kc.wait_for_ready(timeout=60)
    run(kc, '%run start "second"', "c-3")
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    print("TRACKING-SESSION-OK")


if __name__ == "__main__":
    main(sys.argv[1])
