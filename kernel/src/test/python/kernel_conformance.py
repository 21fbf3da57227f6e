"""jupyter_kernel_test conformance suite for the jruns kernel, plus the kernel's own protocol
checks (interrupt, JupyterLab's cellId, magics). Run by KernelConformanceIT:

    JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v kernel_conformance
"""
import os
import tempfile
import time
import unittest
from queue import Empty

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("JRUNS_KERNEL_NAME", "jruns")


class JrunsKernelConformance(jkt.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops, stderr");'
    code_generate_error = "int boom = 1 / 0;"
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"ab".repeat(2)', "result": "abab"},
        {"code": "int q = 5;\nq * 2", "result": "10"},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
    ]
    completion_samples = [
        {"text": "Integer.MAX_V", "matches": {"MAX_VALUE"}},
        {"text": "String s = \"x\";\ns.toUpperCa", "matches": {"toUpperCase("}},
    ]
    complete_code_samples = ["1", "int x = 1;", "for (int i = 0; i < 2; i++) { x += i; }", "%help"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class A {", "int y = (1 +"]
    invalid_code_samples = ["int x = ) 5;", '"unterminated']
    code_inspect_sample = "Math.max"


class InterruptsBeforeAnyCell(unittest.TestCase):
    """jupyter_client interrupts each kernel it shuts down; a person may too, before a first cell."""

    def test_interrupts_with_no_cell_running_leave_the_default_imports_in(self):
        log = tempfile.TemporaryFile()
        km, kc = start_new_kernel(kernel_name=KERNEL, stderr=log)  # the imports now run in the background
        try:
            for _ in range(40):
                km.interrupt_kernel()
                time.sleep(0.025)
            code = ('List<BigDecimal> l = List.of(BigDecimal.ONE); Path p = Path.of("x"); URI u = URI.create("x");\n'
                    'Pattern.compile("a").matcher("a").matches() + " " + Stream.of(1).count() + " " + new File("f").getName()'
                    ' + " " + new ConcurrentHashMap<String, Function<Integer, Integer>>().size() + " " + RunStatus.FINISHED'
                    ' + " " + Jruns.class.getSimpleName()')
            reply = kc.execute_interactive(code, timeout=60)
            self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        log.seek(0)
        self.assertNotIn("start-up code failed", log.read().decode("utf-8", "replace"))


class JrunsKernelBehaviour(unittest.TestCase):
    """What jupyter_kernel_test does not cover."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def execute(self, code, metadata=None, timeout=60):
        """Sends execute_request (with metadata, as JupyterLab does) and collects IOPub output."""
        msg = self.kc.session.msg("execute_request", {
            "code": code, "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
        }, metadata=metadata or {})
        self.kc.shell_channel.send(msg)
        msg_id = msg["header"]["msg_id"]
        outputs = []
        deadline = time.monotonic() + timeout
        while True:
            m = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                break
            if m["msg_type"] in ("stream", "execute_result", "display_data", "error"):
                outputs.append(m)
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply, outputs

    @staticmethod
    def text(outputs, kind):
        parts = []
        for m in outputs:
            if m["msg_type"] != kind:
                continue
            c = m["content"]
            parts.append(c["text"] if kind == "stream" else c["data"].get("text/plain", ""))
        return "".join(parts)

    def test_interrupt_stops_busy_loop_and_kernel_survives(self):
        msg_id = self.kc.execute("long spins = 0; while (true) { spins++; }")
        time.sleep(1.5)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "InterruptedException")
        self.assertLess(time.monotonic() - t0, 10)
        reply, outputs = self.execute("spins > 0")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(self.text(outputs, "execute_result"), "true")

    def test_cell_id_from_request_metadata_reaches_the_kernel(self):
        code = ("io.jruns.kernel.JrunsKernel.current().currentCell()"
                ".map(c -> c.cellId()).orElse(\"none\")")
        reply, outputs = self.execute(code, metadata={"cellId": "cell-7f3a", "deletedCells": []})
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertEqual(self.text(outputs, "execute_result"), "cell-7f3a")
        reply, outputs = self.execute(code)
        self.assertEqual(self.text(outputs, "execute_result"), "none")

    def test_compile_error_names_cell_and_line(self):
        reply, outputs = self.execute("int a = 1;\nint b = undefinedThing + a;")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationError")
        tb = "\n".join(reply["content"]["traceback"])
        self.assertIn("line 2", tb)
        self.assertIn("undefinedThing", tb)

    def test_line_magic_value_is_the_result_and_display_id_is_not_printed(self):
        reply, outputs = self.execute("%notebook")
        self.assertIn("Notebook:", self.text(outputs, "execute_result"))
        reply, outputs = self.execute('display("only once")')
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["msg_type"] for m in outputs], ["display_data"])

    def test_unknown_magic_is_one_line_usage_error(self):
        reply, outputs = self.execute("%nosuchmagic 1 2")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "UsageError")
        self.assertEqual(len(reply["content"]["traceback"]), 1)

    def test_magic_completion(self):
        msg_id = self.kc.complete("%he", 3)
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        self.assertIn("%help", reply["content"]["matches"])
        self.assertEqual(reply["content"]["cursor_start"], 0)


if __name__ == "__main__":
    unittest.main()
