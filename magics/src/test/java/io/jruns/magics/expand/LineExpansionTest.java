package io.jruns.magics.expand;

import io.jruns.domain.JrunsException;
import io.jruns.magics.FakeHost;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Values go into words after the split; a failing expression is one line naming it. */
class LineExpansionTest {
    private final FakeHost host = new FakeHost();

    @Test
    void valuesWithBlanksAndQuotesStayOneWordAsTheyAre() throws Exception {
        host.variables.put("name", "my \"best\" run");
        host.cell("cfg.get(\"a\")", () -> "x y");
        assertEquals(List.of("start", "my \"best\" run", "--tag", "a=x y", "q=\"{z}\"", "$nope"),
                LineExpansion.words("%run", "start $name --tag a={cfg.get(\"a\")} 'q=\"{{z}}\"' $nope", host));
    }

    @Test
    void aValueIsNeverReadAgain() throws Exception {
        host.variables.put("v", "$v {v}");
        host.cell("\"$$\"", () -> "$$");
        assertEquals(List.of("$v {v}", "$$"), LineExpansion.words("%note", "{v} {\"$$\"}", host));
    }

    @Test
    void aFailingExpressionIsOneLineNamingIt() {
        host.cell("1 / zero", () -> {
            throw new ArithmeticException("/ by zero");
        });
        JrunsException e = assertThrows(JrunsException.class, () -> LineExpansion.words("%param", "a={1 / zero}", host));
        assertEquals("%param: {1 / zero} (column 3) threw ArithmeticException: / by zero", e.getMessage());
    }

    @Test
    void bracesThatDoNotCompileOrPairLeaveTheLineAsTyped() throws Exception {
        // as IPython: a line it cannot expand is used as typed (a note on stderr says why)
        assertEquals(List.of("{missing}", "$lr"), LineExpansion.words("%%run", "{missing} $lr", host));
        assertEquals(List.of("x={"), LineExpansion.words("%tag", "x={", host));
    }

    @Test
    void anInterruptIsNotAnExpressionsFault() {
        InterruptedException stop = new InterruptedException("stop");
        host.cell("slow()", () -> {
            throw stop;
        });
        assertSame(stop, assertThrows(InterruptedException.class, () -> LineExpansion.words("%param", "a={slow()}", host)));
    }

    @Test
    void eachExpressionRunsOnceInOrder() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        host.cell("next()", calls::incrementAndGet);
        assertEquals(List.of("1-2", "3"), LineExpansion.words("%note", "{next()}-{next()} {next()}", host));
    }

    @Test
    void anUnclosedQuoteIsPlacedInTheLineAsTyped() {
        JrunsException e = assertThrows(JrunsException.class, () -> LineExpansion.words("%run", "{aLongName} \"x", host));
        assertEquals("unclosed \" quote (opened at column 13)", e.getMessage());
    }
}
