package io.jruns.magics.ui;

import io.jruns.ui.UiInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which UI a view links to, and what an unlinked view says to do: pure decisions, no server. */
class ViewLinksTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "unset", value = {
            "unset, %ui",
            "NOTEBOOK, %ui",
            "JOB, jruns ui",
            "' job ', jruns ui"})
    void aJobIsToldOfTheCommandLinesUiWhichOutlivesIt(String sourceType, String says) {
        String hint = ViewLinks.hint(sourceType);
        assertEquals(says.equals("jruns ui") ? ViewLinks.JOB_HINT : ViewLinks.HINT, hint);
        // %ui in a job starts a UI that ends with the job's kernel
        assertEquals(says.equals("%ui"), hint.contains("%ui"), hint);
    }

    /** A jruns ui recorded as serving /data/store, at http://127.0.0.1:5000/. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            the store it serves                        | /data/store                | true
            another store                              | /data/other                | false
            its own address: logging through its API  | http://127.0.0.1:5000      | true
            its address with the root's slash          | http://127.0.0.1:5000/     | true
            its address, the host in capitals          | HTTP://127.0.0.1:5000/     | true
            another port                               | http://127.0.0.1:5001      | false
            another host                               | http://10.0.0.2:5000       | false
            a path under it (not its API's root)       | http://127.0.0.1:5000/x    | false
            https at that port                         | https://127.0.0.1:5000     | false
            """)
    void aUiIsUsedForTheStoreItServesAndForItsOwnAddress(String what, String trackingUri, boolean linked) {
        UiInfo ui = new UiInfo("http://127.0.0.1:5000/", "t0ken", ProcessHandle.current().pid(), "/data/store");
        assertEquals(linked, ui.serves(trackingUri), what);
    }
}
