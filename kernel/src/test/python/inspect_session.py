"""Shift-Tab inspection (inspect_request) in a real kernel, for InspectionIT: jruns's API shows
its Javadoc always, the JDK's where the kernel's JDK has lib/src.zip, signatures only where not.
Prints INSPECT-SESSION-OK and whether src.zip was there; raises on the first surprise.

    /usr/bin/python3 inspect_session.py KERNEL_NAME
"""
import os
import sys

from jupyter_client.manager import start_new_kernel


def value(kc, code):
    reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: outputs.append(m))
    if reply["content"]["status"] != "ok":
        raise AssertionError(f"{code!r} failed: {reply['content']}")


outputs = []


def inspect(kc, code, detail):
    reply = kc.inspect(code, len(code), detail, reply=True, timeout=120)["content"]
    if reply["status"] != "ok" or not reply["found"]:
        raise AssertionError(f"nothing found for {code!r}: {reply}")
    return reply["data"]["text/plain"]


def expect(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}:\nexpected {expected!r}\n     got {actual!r}")


def main(kernel):
    km, kc = start_new_kernel(kernel_name=kernel)
    try:
        value(kc, 'double lr = 0.01; System.out.println(System.getProperty("java.home"));')
        home = next(m["content"]["text"] for m in outputs if m["msg_type"] == "stream").strip()
        src_zip = any(os.access(p, os.R_OK) for p in (os.path.join(home, "lib", "src.zip"), os.path.join(home, "..", "src.zip")))

        expect(inspect(kc, "Jruns.logMetric", 0),
               "void Jruns.logMetric(String key, double value)\n"
               "Logs a metric of the active run at step 0, now (starting a run when none is active).\n\n"
               "void Jruns.logMetric(String key, double value, long step)\n"
               "Logs a metric of the active run at step, now (starting a run when none is active): each step keeps"
               " its values, so a metric becomes a curve over steps.", "jruns's API documents itself")
        jruns = inspect(kc, "Jruns", 1)
        if not jruns.startswith("io.jruns.Jruns\nThe fluent tracking API") or "{@code" in jruns or "<pre>" in jruns:
            raise AssertionError(f"the class's Javadoc, as text: {jruns!r}")
        expect(inspect(kc, "lr", 0), "lr:double", "a notebook variable")

        max_doc = inspect(kc, "Math.max", 1)
        fmt = inspect(kc, "String.format", 0)
        if src_zip:
            if not max_doc.startswith("int Math.max(int a, int b)\nReturns the greater of two int values.") \
                    or "Parameters:\n  a - an argument.\n  b - another argument.\n\nReturns:\n  the larger of a and b." not in max_doc \
                    or "{@" in max_doc:
                raise AssertionError(f"the JDK's Javadoc, as text: {max_doc!r}")
            expect(fmt.split("\n")[:2], ["String String.format(String format, Object... args)",
                                         "Returns a formatted string using the specified format string and arguments."],
                   "detail 0: the first paragraph")
        else:
            expect(max_doc, "int Math.max(int a, int b)\n\nlong Math.max(long a, long b)\n\n"
                            "float Math.max(float a, float b)\n\ndouble Math.max(double a, double b)", "no src.zip: signatures")
            expect(fmt, "String String.format(String format, Object... args)\n\n"
                        "String String.format(Locale l, String format, Object... args)", "no src.zip: signatures")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print("INSPECT-SESSION-OK src.zip=" + ("yes" if src_zip else "no"))


if __name__ == "__main__":
    main(sys.argv[1])
