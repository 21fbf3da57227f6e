#!/bin/sh
# Starts the jruns kernel. When a warm spare kernel waits for this kernel command (for any
# notebook, of any folder: the spare takes the notebook's name and folder from the launch), Python
# (launch.py) hands it the connection file; otherwise the JVM starts here (exec), as if Jupyter
# had run it. The shell, not Python, decides: a start with no spare pays ~3 ms for it instead
# of Python's ~40 ms.
# usage: launch.sh CONNECTION_FILE PYTHON JAVA [JVM ARGUMENTS...] MAIN_CLASS
# With --spare for the connection file (jruns's Jupyter server extension), starts a spare for
# this kernel unless one waits or is starting, or a kernel a spare became runs (it leaves spares
# itself), and returns.
conn=$1
python=$2
shift 2
case "${JRUNS_SPARE:-on}" in
    [Oo][Ff][Ff] | 0 | [Ff][Aa][Ll][Ss][Ee] | [Nn][Oo])
        [ "$conn" = --spare ] && exit 0
        unset JRUNS_SPARE_DIR JRUNS_SPARE_KEY; exec "$@" "$conn" ;;
esac
dir=${JRUNS_SPARE_DIR:-${XDG_RUNTIME_DIR:-$HOME/.cache}/jruns-spares}
# the spare's name: a checksum of the command it started with; the spare checks the rest exactly
sum=$(printf '%s\n' "$@" | cksum) || exec "$@" "$conn"
key="${sum%% *}x${sum#* }"
# a spare waits (its socket there) or is starting while its lock names a live pid; a killed one
# (SIGKILL) leaves a socket behind, not worth Python's start
pid=
read -r pid 2>/dev/null < "$dir/$key.lock"
if [ "$conn" = --spare ]; then
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then exit 0; fi
    # read after the lock: a spare names its kernel here before it gives the lock up (KernelMark),
    # and the JVM checks again holding the lock
    kernel=
    read -r kernel 2>/dev/null < "$dir/$key.kernel"
    if [ -n "$kernel" ] && kill -0 "$kernel" 2>/dev/null; then exit 0; fi
    export JRUNS_SPARE_DIR="$dir" JRUNS_SPARE_KEY="$key"
    exec "$@" --server-spare
fi
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    exec "$python" -I -S "${0%/*}/launch.py" "$conn" "$dir" "$key" "$@"
fi
export JRUNS_SPARE_DIR="$dir" JRUNS_SPARE_KEY="$key"
exec "$@" "$conn"
