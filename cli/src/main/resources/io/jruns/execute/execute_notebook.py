# Executes the notebook on stdin with nbclient, as nbconvert --execute does, and writes it to
# stdout even when a cell fails (papermill's way: the executed notebook shows where and why).
# usage: python3 -c "$(cat execute_notebook.py)" KERNEL_NAME TIMEOUT_SECONDS
# exits 3 after a failing cell (its report on stderr); any other error exits 1 with a traceback
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

notebook = nbformat.reads(sys.stdin.read(), as_version=4)
client = NotebookClient(notebook, kernel_name=sys.argv[1], timeout=int(sys.argv[2]))
failure = None
try:
    client.execute()
except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
    failure = str(e)
sys.stdout.write(nbformat.writes(notebook))
sys.stdout.flush()
if failure is not None:
    sys.stderr.write(failure + "\n")
    sys.exit(3)
