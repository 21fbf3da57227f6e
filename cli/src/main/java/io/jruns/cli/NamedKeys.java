package io.jruns.cli;

import io.jruns.search.Expr;
import io.jruns.search.Field;
import io.jruns.search.FilterParser;
import io.jruns.search.OrderKey;
import io.jruns.search.OrderParser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The param and metric keys a search names, order keys first: the columns its table must show. */
record NamedKeys(List<String> params, List<String> metrics) {
    static NamedKeys of(String filter, List<String> orders) {
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        List<Field> fields = new ArrayList<>();
        for (String o : orders) for (OrderKey k : OrderParser.parse(o)) fields.add(k.field());
        FilterParser.parse(filter).ifPresent(e -> collect(e, fields));
        for (Field f : fields) {
            if (f instanceof Field.Param p) params.add(p.key());
            else if (f instanceof Field.Metric m) metrics.add(m.key());
        }
        return new NamedKeys(List.copyOf(params), List.copyOf(metrics));
    }

    private static void collect(Expr e, List<Field> out) {
        if (e instanceof Expr.And a) a.terms().forEach(t -> collect(t, out));
        else if (e instanceof Expr.Or o) o.terms().forEach(t -> collect(t, out));
        else if (e instanceof Expr.Not n) collect(n.term(), out);
        else if (e instanceof Expr.NumberTest n) out.add(n.field());
        else if (e instanceof Expr.TextTest t) out.add(t.field());
        else if (e instanceof Expr.Presence p) out.add(p.field());
    }
}
