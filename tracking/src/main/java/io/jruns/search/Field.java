package io.jruns.search;

/** What a comparison or an order key looks at: a metric, a param, a tag or a run attribute. */
public sealed interface Field {

    Attribute.ValueKind kind();

    /** The field written back in the filter language (canonical form). */
    String render();

    /** The word used in "X is not defined for ..." messages. */
    String family();

    /** A metric's latest value, or its min or max over the non-NaN history. */
    record Metric(String key, Aggregate aggregate) implements Field {
        public Attribute.ValueKind kind() {
            return Attribute.ValueKind.NUMBER;
        }

        public String render() {
            String plain = "metrics." + Quoting.key(key);
            return aggregate == Aggregate.LATEST ? plain : aggregate.name() + "(" + plain + ")";
        }

        public String family() {
            return "metrics";
        }
    }

    record Param(String key) implements Field {
        public Attribute.ValueKind kind() {
            return Attribute.ValueKind.TEXT;
        }

        public String render() {
            return "params." + Quoting.key(key);
        }

        public String family() {
            return "params";
        }
    }

    record Tag(String key) implements Field {
        public Attribute.ValueKind kind() {
            return Attribute.ValueKind.TEXT;
        }

        public String render() {
            return "tags." + Quoting.key(key);
        }

        public String family() {
            return "tags";
        }
    }

    record Attr(Attribute attribute) implements Field {
        public Attribute.ValueKind kind() {
            return attribute.kind();
        }

        public String render() {
            return "attributes." + attribute.wireName();
        }

        public String family() {
            return attribute.wireName();
        }
    }
}
