package io.jruns.search;

import java.util.ArrayList;
import java.util.List;

/** Tokens read on demand, so errors come out in the order they appear in the text. */
final class TokenStream {
    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();

    TokenStream(String source) {
        this.lexer = new Lexer(source);
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int k) {
        while (ahead.size() <= k) {
            if (!ahead.isEmpty() && ahead.get(ahead.size() - 1).kind() == Token.Kind.END) return ahead.get(ahead.size() - 1);
            ahead.add(lexer.next());
        }
        return ahead.get(k);
    }

    Token take() {
        Token t = peek();
        if (t.kind() != Token.Kind.END) ahead.remove(0);
        return t;
    }

    FilterException error(Token at, String problem) {
        return lexer.error(at.column(), problem);
    }
}
