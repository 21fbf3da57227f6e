package io.jruns.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikeTest {

    @ParameterizedTest(name = "''{0}'' LIKE ''{1}''")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            abc       | abc     | true  | true
            abc       | ABC     | false | true
            abc       | a%      | true  | true
            abc       | %c      | true  | true
            abc       | %b%     | true  | true
            abc       | %       | true  | true
            ~~        | %       | true  | true
            ~~        | _       | false | false
            abc       | a_c     | true  | true
            abc       | a_      | false | false
            abc       | ___     | true  | true
            abc       | ____    | false | false
            aXbXc     | a%b%c   | true  | true
            ab        | a%b%c   | false | false
            mississippi | %ss%ss%pi | true | true
            mississippi | m%issip | false | false
            a%b       | a%%b    | true  | true
            a*b       | a*b     | true  | true
            axb       | a*b     | false | false
            a?b       | a?b     | true  | true
            a[b]      | a[b]    | true  | true
            ÉVORA     | évora   | false | true
            straße    | STRASSE | false | false
            😀x       | _x      | true  | true
            Kelvin   | kelvin  | false | false
            ſun      | sun     | false | false
            ıd       | ID      | false | false
            K         | k       | false | true
            """)
    void matchesLikeSql(String value, String pattern, boolean like, boolean ilike) {
        assertEquals(like, Like.matches(value, pattern, false));
        assertEquals(ilike, Like.matches(value, pattern, true));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            a%b_c    | a*b?c
            *?[]     | [*][?][[]]
            plain    | plain
            """)
    void translatesToGlob(String like, String glob) {
        assertEquals(glob, Like.toGlob(like));
    }
}
