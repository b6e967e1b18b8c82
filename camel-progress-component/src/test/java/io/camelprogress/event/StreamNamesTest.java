package io.camelprogress.event;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "uploads", "uploads/job42", "a.b_c~d-e/F.9", "x/y/z" })
    void validNames(String name) {
        assertNull(StreamNames.problem(name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "uploads//x|stream name has an empty segment",
            "uploads/|stream name has an empty segment",
            "/uploads|stream name has an empty segment",
            "_client.js|stream names starting with '_' are reserved",
            "up loads|stream name has a character outside [A-Za-z0-9._~-/]: ' '",
            "a/../b|stream name has a '..' segment",
            "jöb|stream name has a character outside [A-Za-z0-9._~-/]: U+00F6" })
    void invalidNamesSayWhy(String name, String reason) {
        assertEquals(reason, StreamNames.problem(name));
    }

    @org.junit.jupiter.api.Test
    void lengthAndControlCharacters() {
        assertEquals("stream name is longer than 200 characters", StreamNames.problem("a".repeat(201)));
        assertNull(StreamNames.problem("a".repeat(200)));
        assertEquals("stream name has a character outside [A-Za-z0-9._~-/]: U+000A", StreamNames.problem("a\nb"));
        assertEquals("stream name has a character outside [A-Za-z0-9._~-/]: U+0000", StreamNames.problem("a\0"));
        assertEquals("stream name is empty", StreamNames.problem(""));
        assertEquals("a\\u000ab", StreamNames.printable("a\nb"));
    }
}
