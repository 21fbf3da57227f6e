# Executes the notebook on stdin with nbclient, as nbconvert --execute does, and writes it to
# stdout even when a cell fails (papermill's way: the executed notebook shows where and why).
# usage: python3 -c "$(cat execute_notebook.py)" KERNEL_NAME TIMEOUT_SECONDS
# exits 3 after a failing cell (its report on stderr); 5 when nbclient itself failed after
# starting (as it can on Ctrl-C, cleaning the kernel up twice), the notebook still written
# up to there; any other error exits 1 with a traceback
import sys
import traceback

import nbformat
from jupyter_client.kernelspec import NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

notebook = nbformat.reads(sys.stdin.read(), as_version=4)
client = NotebookClient(notebook, kernel_name=sys.argv[1], timeout=int(sys.argv[2]))
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
