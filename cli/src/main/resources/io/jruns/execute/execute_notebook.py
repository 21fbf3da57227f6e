# Executes the notebook on stdin with nbclient, as nbconvert --execute does, and writes it to
# stdout even when a cell fails (papermill's way: the executed notebook shows where and why).
# usage: python3 -c "$(cat execute_notebook.py)" KERNEL_NAME TIMEOUT_SECONDS
# exits 3 after a failing cell (its report on stderr); 5 when nbclient itself failed after
# starting, the notebook still written up to there; any other error exits 1 with a traceback
import asyncio
import sys
import traceback

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

notebook = nbformat.reads(sys.stdin.read(), as_version=4)
# nbclient 0.7 sends no cellId, so the kernel could not tell which cells logged to a run: every
# cell gets an nbformat 4.5 id (kept when it has one; the kernel matches id-less saved cells by
# their code), sent with its execute_request as JupyterLab does
taken = {c.get("id") for c in notebook.cells if c.get("id")}
for index, cell in enumerate(notebook.cells):
    if not cell.get("id"):
        new_id = f"cell-{index + 1}"
        while new_id in taken:
            new_id += "x"
        cell["id"] = new_id
        taken.add(new_id)
notebook.nbformat_minor = max(notebook.nbformat_minor, 5)
client = NotebookClient(notebook, kernel_name=sys.argv[1], timeout=int(sys.argv[2]))
running = {}


def remember_cell(cell, **_):
    running["id"] = cell.get("id")
    kc = client.kc
    if getattr(kc.session, "jruns_sends_cell_id", False):
        return
    plain = kc.session.msg

    def msg(msg_type, content=None, parent=None, header=None, metadata=None):
        if msg_type == "execute_request" and running.get("id"):
            metadata = dict(metadata or {}, cellId=running["id"])
        return plain(msg_type, content, parent, header, metadata)

    kc.session.msg = msg
    kc.session.jruns_sends_cell_id = True


client.on_cell_execute = remember_cell
# nbclient shuts the kernel down on each SIGINT and SIGTERM, and again as execute() unwinds; a
# terminal's Ctrl-C reaches this process and jruns, which passes it on: one shutdown, which the
# later calls wait for (concurrent ones failed on the kernel manager the first had let go)
plain_cleanup = client._async_cleanup_kernel
cleanup = []


def cleanup_once():
    if not cleanup:
        cleanup.append(asyncio.ensure_future(plain_cleanup()))
    return cleanup[0]


client._async_cleanup_kernel = cleanup_once
failure = None
code = 0
try:
    client.execute()
except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
    failure, code = str(e), 3
except NoSuchKernel:
    raise  # exit 1 with its traceback, which names the kernel
except BaseException:  # also a KeyboardInterrupt that came before or after nbclient's own handler
    failure, code = traceback.format_exc(), 5
sys.stdout.write(nbformat.writes(notebook))
sys.stdout.flush()
if failure is not None:
    sys.stderr.write(failure + "\n")
    sys.exit(code)
