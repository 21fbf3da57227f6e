"""jruns's Jupyter server extension: when a Jupyter server starts, it starts a spare for each
jruns kernel installed with spares on, so that the session's first notebook is served by a warm
kernel too (a spare serves a notebook of any folder, and every kernel leaves the next one).

Installed by `jruns install --server-spare`, which runs this file with `install PLACE` (below).
Loaded by jupyter_server (jpserver_extensions) and by the classic notebook server
(nbserver_extensions). Does nothing when JRUNS_SPARE is off in the server's environment.
"""
import json
import os
import string
import subprocess
import sys


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
    start_spares(specs, root, os.environ, app.log)


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


def start_spares(specs, root, server_env, log):
    for name in sorted(specs):
        spec = specs[name].get("spec", {})
        cmd = spare_command(spec, specs[name].get("resource_dir", ""))
        if cmd is None:
            continue
        try:
            subprocess.Popen(cmd, cwd=root, env=kernel_env(spec, server_env), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
            log.info("jruns: starting a spare kernel for %s, for the first notebook to open", name)
        except OSError as e:
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


if __name__ == "__main__":
    # usage: python3 jruns_jupyter.py install (--user | --sys-prefix | --prefix DIR)
    if len(sys.argv) >= 3 and sys.argv[1] == "install" and sys.argv[2] in ("--user", "--sys-prefix", "--prefix"):
        install(sys.argv[2], os.path.abspath(sys.argv[3]) if sys.argv[2] == "--prefix" else None)
    else:
        sys.exit("usage: jruns_jupyter.py install (--user | --sys-prefix | --prefix DIR)")
