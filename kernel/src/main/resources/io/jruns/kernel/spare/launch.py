"""Hands Jupyter's connection file to the warm spare kernel listening on DIR/KEY.sock, then
stays as the kernel's process for Jupyter, relaying its log, until the kernel exits. A spare
still starting is waited for (see await_socket). If the spare does not take the launch, starts
the JVM here (exec), as launch.sh would have.

usage: launch.py CONNECTION_FILE DIR KEY JAVA [JVM ARGUMENTS...] MAIN_CLASS
Only the standard library, and no site packages (-I -S): this runs before a kernel start.
"""
import json
import os
import socket
import stat
import sys
import time

VOLATILE = ("JPY_PARENT_PID", "JRUNS_SPARE_DIR", "JRUNS_SPARE_KEY")  # as SpareConfig.VOLATILE
# A spare listens about 2 s after it starts here; one not listening this long after its start is
# not waited for (stuck, or its pid reused by another process).
START_SECONDS = 6.0


def private(d):
    """Whether only this user can have put a socket in d."""
    try:
        st = os.lstat(d)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077


def hand_off(path, connection_file):
    """The socket of a spare that took this launch, or None."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.settimeout(10)
        s.connect(path)
        env = {k: v for k, v in os.environ.items() if k not in VOLATILE}
        request = {"connection_file": connection_file, "cwd": os.getcwd(), "env": env}
        s.sendall((json.dumps(request) + "\n").encode("utf-8", "surrogateescape"))
        answer = b""
        while not answer.endswith(b"\n") and len(answer) < 4096:
            chunk = s.recv(1)
            if not chunk:
                break
            answer += chunk
        if answer == b"ok\n":
            s.settimeout(None)
            return s
        if answer.startswith(b"no: ") and asks_for_details(os.environ.get("JRUNS_KERNEL_LOG", "")):
            log_fine("the waiting spare kernel did not take this launch (%s); starting a JVM"
                     % reason(answer[4:].decode("utf-8", "replace").strip()))
    except OSError:
        pass
    s.close()
    return None


def asks_for_details(level):
    """Whether JRUNS_KERNEL_LOG asks the kernel's log for FINE lines (as KernelLog reads it: a
    level's name or number). A refused launch is routine (another JRUNS_HOME, a token, nbconvert
    after jruns execute): it costs a JVM's start, and a person sees it only when asking, and in
    the spare's own KEY.log."""
    level = level.strip().upper()
    if level.isdigit():
        return int(level) <= 500
    return level in ("FINE", "FINER", "FINEST", "ALL")


def log_fine(message):
    """A line of the kernel's log, in KernelLog's form."""
    now = time.time()
    stamp = time.strftime("%H:%M:%S", time.localtime(now)) + ".%03d" % (int(now * 1000) % 1000)
    sys.stderr.write("[%s jruns-kernel FINE] launch: %s\n" % (stamp, message))


# What a spare answers when it refuses (HandOffRequest.mismatch, SpareListener), and what this
# repeats of it: fixed words and a variable's name, so a line of the log never carries a value,
# whatever a spare sends.
REASONS = ((r"environment variable ([A-Za-z_][A-Za-z0-9_]*) differs", "environment variable %s differs"),
           (r"working directory .* is not the spare's .*", "the spare cannot move to this folder"),
           (r".* changed since the spare started", "a jar changed since the spare started"),
           (r"the notebook's variables or folder could not be set", "the notebook's variables or folder could not be set"))


def reason(answer):
    import re  # only for a refusal: no cost to a launch a spare serves
    for pattern, said in REASONS:
        m = re.fullmatch(pattern, answer)
        if m:
            return said % m.groups() if m.groups() else said
    return "its check of the launch failed"


def relay(s):
    """The kernel's log to Jupyter's, until the kernel exits (its end of the socket closes)."""
    err = sys.stderr.buffer
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return
        err.write(chunk)
        err.flush()


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def await_socket(d, key):
    """The socket of the spare that holds KEY: at once when it listens; when it is still starting
    (its lock names a live pid, written as it started), once it listens, unless its start began
    START_SECONDS ago. A spare a few seconds from ready still serves a launch sooner than a JVM
    started now, which would share the machine with it. None when there is nothing to wait for."""
    sock, lock = os.path.join(d, key + ".sock"), os.path.join(d, key + ".lock")
    try:
        with open(lock) as f:
            pid = int(f.read().strip() or "0")
        deadline = os.stat(lock).st_mtime + START_SECONDS
    except (OSError, ValueError):
        return None
    while not os.path.exists(sock):
        if pid <= 0 or time.time() > deadline or not alive(pid):
            return None
        time.sleep(0.02)
    return sock


def main(argv):
    connection_file, d, key, java = os.path.abspath(argv[1]), argv[2], argv[3], argv[4:]
    sock = await_socket(d, key) if private(d) else None
    if sock is not None:
        s = hand_off(sock, connection_file)
        if s is not None:
            relay(s)
            return 0
    env = dict(os.environ, JRUNS_SPARE_DIR=d, JRUNS_SPARE_KEY=key)
    os.execve(java[0], java + [argv[1]], env)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
