"""Runs edited cells that were never saved, as a person in Jupyter does, for RanNotebookIT:
each cell with its JupyterLab cellId (or none), printing what each cell wrote to stderr as
    STDERR <cell id> <text>
and RAN-NOTEBOOK-OK at the end; raises on the first failing cell.

    /usr/bin/python3 unsaved_session.py KERNEL_NAME CELL_ID=CODE ...
"""
import sys

from jupyter_client.manager import start_new_kernel


def run(kc, code, cell_id):
    msg = kc.session.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
    }, metadata={"cellId": cell_id} if cell_id else {})
    kc.shell_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg_id:
            if reply["content"]["status"] != "ok":
                raise AssertionError(f"{code!r} failed: {reply['content']}")
            break
    while True:  # its outputs, up to idle
        out = kc.get_iopub_msg(timeout=60)
        if out["parent_header"].get("msg_id") != msg_id:
            continue
        if out["msg_type"] == "stream" and out["content"]["name"] == "stderr":
            for line in out["content"]["text"].splitlines():
                print("STDERR", cell_id or "-", line, flush=True)
        if out["msg_type"] == "status" and out["content"]["execution_state"] == "idle":
            return


def main(kernel, cells):
    km, kc = start_new_kernel(kernel_name=kernel)
    try:
        for cell in cells:
            cell_id, code = cell.split("=", 1)
            run(kc, code, cell_id)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("RAN-NOTEBOOK-OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
