package io.jruns.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two spellings of one tracking server are the same store for jruns copy; other servers are not. */
class CopyEndsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://localhost:5000        | http://127.0.0.1:5000/       | true",
            "http://LOCALHOST:5000/       | http://localhost:5000        | true",
            "http://127.0.0.1             | http://127.0.0.1:80          | true",
            "http://127.0.0.1:5000        | http://127.0.0.1:5001        | false",
            "http://127.0.0.1:5000        | https://127.0.0.1:5000       | false",
            "http://127.0.0.1:5000/a      | http://127.0.0.1:5000/b      | false",
            "http://10.255.255.1          | http://127.0.0.1             | false"})
    void sameServer(String a, String b, boolean same) {
        assertEquals(same, CopyEnds.sameServer(a.strip(), b.strip()));
    }
}
