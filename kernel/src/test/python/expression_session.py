"""Fills {expression} and $name into line magics in a real kernel, for LineExpressionsIT.
Prints EXPRESSION-SESSION-OK at the end, raises on the first surprise.

    /usr/bin/python3 expression_session.py KERNEL_NAME
"""
import sys

from jupyter_client.manager import start_new_kernel


def run(kc, code):
    """(status, error content or None) of one cell."""
    msg = kc.session.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
    })
    kc.shell_channel.send(msg)
    while True:
        reply = kc.get_shell_msg(timeout=120)
        if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
            return reply["content"]["status"], reply["content"] if reply["content"]["status"] != "ok" else None


def ok(kc, code):
    status, error = run(kc, code)
    if status != "ok":
        raise AssertionError(f"{code!r} failed: {error}")


def refused(kc, code, evalue):
    status, error = run(kc, code)
    if status != "error" or error["evalue"] != evalue:
        raise AssertionError(f"{code!r}: expected the error {evalue!r}, got {status} {error}")


def main(kernel):
    km, kc = start_new_kernel(kernel_name=kernel)
    try:
        ok(kc, 'double lr = 0.01; Map<String, Integer> cfg = Map.of("a", 3); String name = "my run";')
        ok(kc, '%run start {name + " " + lr * 2}')
        ok(kc, '%param lr={lr * 2} a={cfg.get("a")} raw=$lr json={{"k":1}} n={Stream.of(1, 2).map(x -> { return x * 10; }).toList()}')
        # braces that do not compile: the line as typed, as IPython does (a note on stderr says why)
        ok(kc, "%tag kept={nope} cfg='{\"a\":1}'")
        refused(kc, '%param d=1 e={cfg.get("zz").intValue()}',
                '%param: {cfg.get("zz").intValue()} (column 7) threw NullPointerException: '
                'Cannot invoke "java.lang.Integer.intValue()" because the return value of '
                '"java.util.Map.get(Object)" is null')
        ok(kc, "%run end")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("EXPRESSION-SESSION-OK")


if __name__ == "__main__":
    main(sys.argv[1])
