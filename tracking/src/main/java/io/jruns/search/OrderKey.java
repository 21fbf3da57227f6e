package io.jruns.search;

/** One "field [ASC|DESC]" of an order. Missing and NaN values sort last either way. */
public record OrderKey(Field field, boolean ascending) {

    public String render() {
        return field.render() + (ascending ? " ASC" : " DESC");
    }
}
