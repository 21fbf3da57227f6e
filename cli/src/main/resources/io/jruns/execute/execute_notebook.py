# Executes the notebook on stdin with nbclient, as nbconvert --execute does, and writes it to
# stdout even when a cell fails (papermill's way: the executed notebook shows where and why).
# usage: python3 -c "$(cat execute_notebook.py)" KERNEL_NAME TIMEOUT_SECONDS
# exits 3 after a failing cell (its report on stderr), 4 when interrupted (Ctrl-C, SIGTERM);
# any other error exits 1 with a traceback
import signal
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def stop(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGTERM, stop)
notebook = nbformat.reads(sys.stdin.read(), as_version=4)
client = NotebookClient(notebook, kernel_name=sys.argv[1], timeout=int(sys.argv[2]))
failure = None
code = 0
try:
    client.execute()
except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
    failure, code = str(e), 3
except KeyboardInterrupt:
    # nbclient has shut the kernel down on its way out (it interrupts the cell first, so a
    # job's open runs end KILLED); what ran so far is still written
    failure, code = "interrupted", 4
sys.stdout.write(nbformat.writes(notebook))
sys.stdout.flush()
if failure is not None:
    sys.stderr.write(failure + "\n")
    sys.exit(code)
