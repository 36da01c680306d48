package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/** Jackson's failures said as "expected …", with none of its internals (source excerpts, feature names). */
class JsonSyntaxTest {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Reads {@code json} to its end, taking every number as a long, and returns the failure's words. */
    private static String failure(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    p.getLongValue();
                }
            }
        } catch (JsonProcessingException e) {
            String said = JsonSyntax.expected(e);
            assertFalse(said.contains("Source") || said.contains("`") || said.contains("start marker"), said);
            return JsonSyntax.line(e, 0) + ": " + said;
        }
        return fail("no failure in " + json);
    }

    @Test
    void anObjectCutShortNamesTheLineItOpenedOn() throws Exception {
        assertEquals("2: expected a closing } for the object opened on line 2; the file ends inside it (cut short?)",
                failure("{\"a\": [1,\n{\"b\": 2"));
        assertEquals("1: expected a closing ] for the array opened on line 1; the file ends inside it (cut short?)",
                failure("[1, 2"));
    }

    @Test
    void aStringCutShort() throws Exception {
        assertEquals("1: expected a closing quote; the file ends inside it (cut short?)", failure("{\"a\": \"bc"));
        assertEquals("1: expected the rest of an object; the file ends inside it (cut short?)", failure("{\"a\": 1,"));
        assertEquals("1: expected a number (decimal point not followed by a digit), found '}'",
                failure("{\"a\": 1.}"));
    }

    @Test
    void aNumberBeyondALong() throws Exception {
        assertEquals("1: expected a whole number within the 64-bit range, found 99999999999999999999",
                failure("{\"step\": 99999999999999999999}"));
    }

    @Test
    void notANumber() throws Exception {
        assertEquals("1: expected a finite JSON number, found NaN (not valid JSON)", failure("{\"a\": NaN}"));
    }

    @Test
    void aMissingComma() throws Exception {
        assertEquals("3: expected a comma to separate an object's fields, found '\"'",
                failure("{\n\"a\": 1\n\"b\": 2}"));
    }

    @Test
    void aBareWord() throws Exception {
        assertEquals("1: expected a JSON value (a string, number, array, object, true, false or null), found 'garbage'",
                failure("garbage"));
    }

    @Test
    void binaryWhereAValueShouldBe() throws Exception {
        assertEquals("1: expected a JSON value (a string, number, array, object, true, false or null), found '\uFFFD'",
                failure("{\"a\": \uFFFD}"));
    }

    @Test
    void aRawTabInAString() throws Exception {
        assertEquals("1: expected control characters inside a string to be escaped, found a raw one (code 9)",
                failure("{\"a\": \"x\ty\"}"));
    }

    @Test
    void aDuplicateField() throws Exception {
        assertEquals("1: expected each field once, found \"a\" twice", failure("{\"a\": 1, \"a\": 2}"));
    }
}
