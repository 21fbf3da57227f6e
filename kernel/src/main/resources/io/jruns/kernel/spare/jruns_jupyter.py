"""jruns's Jupyter server extension: when a Jupyter server starts, it starts a spare for each
jruns kernel installed with spares on, so that the session's first notebook is served by a warm
kernel too (a spare serves a notebook of any folder, and every kernel leaves the next one). It
checks again every JRUNS_SERVER_SPARE_CHECK_SECONDS (60) while none of its kernels runs (a running
kernel leaves spares itself), since a spare exits after its idle time: a notebook opened an hour
into the session is served too.

Installed by `jruns install --server-spare`, which runs this file with `install PLACE` (below),
and removed by `jruns install --no-server-spare` (`uninstall PLACE`).
Loaded by jupyter_server (jpserver_extensions) and by the classic notebook server
(nbserver_extensions). Does nothing when JRUNS_SPARE is off in the server's environment.
"""
import json
import os
import string
import subprocess
import sys
import threading
import time


def _jupyter_server_extension_points():
    return [{"module": "jruns_jupyter"}]


_jupyter_server_extension_paths = _jupyter_server_extension_points  # the classic notebook server's name


def _load_jupyter_server_extension(app):
    if spares_off(os.environ):
        return
    root = getattr(app, "root_dir", None) or getattr(app, "notebook_dir", None) or os.getcwd()
    try:
        specs = app.kernel_spec_manager.get_all_specs()
    except Exception as e:  # a broken kernelspec elsewhere must not stop the server
        app.log.warning("jruns: no spare kernel started: cannot list kernelspecs: %s", e)
        return
    # at once: a spare listens ~1.4 s after it starts, and a notebook opened before that waits for it
    start_spares(specs, root, os.environ.copy(), app.log)
    try:
        period = float(os.environ.get("JRUNS_SERVER_SPARE_CHECK_SECONDS", "60"))
    except ValueError:
        period = 60.0
    threading.Thread(target=keep_spares, args=(app, root, period), name="jruns-spares", daemon=True).start()


load_jupyter_server_extension = _load_jupyter_server_extension


def spares_off(env):
    return env.get("JRUNS_SPARE", "on").strip().lower() in ("off", "0", "false", "no")


def spare_command(spec, resource_dir):
    """The kernel's command with --spare for the connection file, or None for a kernel other than
    a jruns one started through launch.sh (installed --no-spare, or not jruns)."""
    argv = spec.get("argv", [])
    if "jruns" not in spec.get("metadata", {}) or len(argv) < 4 or "{connection_file}" not in argv:
        return None
    cmd = [a.replace("{resource_dir}", resource_dir) for a in argv]
    if not any(os.path.basename(a) == "launch.sh" for a in cmd[:cmd.index("{connection_file}")]):
        return None
    cmd[cmd.index("{connection_file}")] = "--spare"
    return cmd


def kernel_env(spec, server_env):
    """As jupyter_client builds a kernel's environment: the server's, then the kernelspec's, with
    ${VAR} in its values taken from the server's."""
    env = dict(server_env)
    for k, v in spec.get("env", {}).items():
        env[k] = string.Template(v).safe_substitute(server_env)
    return env


def keep_spares(app, root, period):
    """Every period, for the jruns kernels none of which runs in this server, runs launch.sh
    --spare, which starts a spare only when none waits or starts: so one starts once the last
    has exited idle. The kernelspecs and the server's environment as they are now, as a launch
    would see them. A notebook that takes the waiting spare after this looked at its kernels
    gets no spare beside it: launch.sh and the spare check KEY.kernel, which a spare writes as
    it takes a launch (KernelMark)."""
    while True:
        time.sleep(period)
        try:
            km = app.kernel_manager
            running = {km.get_kernel(k).kernel_name for k in km.list_kernel_ids()}
            specs = {n: s for n, s in app.kernel_spec_manager.get_all_specs().items() if n not in running}
            start_spares(specs, root, os.environ.copy(), None)
        except Exception as e:  # this thread must go on, and never stop the server
            app.log.debug("jruns: spare check failed: %s", e)


def start_spares(specs, root, server_env, log):
    for name in sorted(specs):
        spec = specs[name].get("spec", {})
        cmd = spare_command(spec, specs[name].get("resource_dir", ""))
        if cmd is None:
            continue
        try:
            # not waited for: launch.sh either returns at once (a spare is there) or becomes the
            # spare; subprocess reaps it when it has exited, at a later Popen
            subprocess.Popen(cmd, cwd=root, env=kernel_env(spec, server_env), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            if log is not None:
                log.info("jruns: starting a spare kernel for %s, for the first notebook to open", name)
        except OSError as e:
            if log is not None:
                log.warning("jruns: could not start a spare kernel for %s: %s", name, e)


CONFIG = {
    "jupyter_server_config.d": {"ServerApp": {"jpserver_extensions": {"jruns_jupyter": True}}},
    "jupyter_notebook_config.d": {"NotebookApp": {"nbserver_extensions": {"jruns_jupyter": True}}},
}


def places(where, prefix=None):
    """(module folder, config folder) for --user, --sys-prefix or --prefix DIR, for this Python."""
    import site
    import sysconfig
    from jupyter_core.paths import jupyter_config_dir
    if where == "--user":
        return site.getusersitepackages(), jupyter_config_dir()
    if where == "--sys-prefix":
        return sysconfig.get_paths()["purelib"], os.path.join(sys.prefix, "etc", "jupyter")
    paths = sysconfig.get_paths(vars={"base": prefix, "platbase": prefix})
    return paths["purelib"], os.path.join(prefix, "etc", "jupyter")


def install(where, prefix=None):
    module_dir, config_dir = places(where, prefix)
    os.makedirs(module_dir, exist_ok=True)
    with open(__file__, "rb") as f:
        code = f.read()
    target = os.path.join(module_dir, "jruns_jupyter.py")
    with open(target + ".tmp", "wb") as f:
        f.write(code)
    os.replace(target + ".tmp", target)
    print("module " + target)
    for sub, data in sorted(CONFIG.items()):
        d = os.path.join(config_dir, sub)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "jruns_jupyter.json"), "w") as f:
            json.dump(data, f, indent=2)
            f.write("\n")
        print("config " + os.path.join(d, "jruns_jupyter.json"))


def uninstall(where, prefix=None):
    module_dir, config_dir = places(where, prefix)
    for path in [os.path.join(module_dir, "jruns_jupyter.py")] + [os.path.join(config_dir, sub, "jruns_jupyter.json")
                                                                 for sub in sorted(CONFIG)]:
        if os.path.exists(path):
            os.remove(path)
            print("removed " + path)


if __name__ == "__main__":
    # usage: python3 jruns_jupyter.py (install | uninstall) (--user | --sys-prefix | --prefix DIR)
    if len(sys.argv) >= 3 and sys.argv[1] in ("install", "uninstall") and sys.argv[2] in ("--user", "--sys-prefix", "--prefix"):
        act = install if sys.argv[1] == "install" else uninstall
        act(sys.argv[2], os.path.abspath(sys.argv[3]) if sys.argv[2] == "--prefix" else None)
    else:
        sys.exit("usage: jruns_jupyter.py (install | uninstall) (--user | --sys-prefix | --prefix DIR)")
