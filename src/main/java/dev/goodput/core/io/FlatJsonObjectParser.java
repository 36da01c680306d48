package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the top-level scalar fields of one JSON object as text, with one streaming token loop.
 * Nested objects and arrays are skipped (unknown structure is ignored, never an error).
 */
final class FlatJsonObjectParser {
    private final JsonFactory factory;

    FlatJsonObjectParser() {
        this(ReadLimits.DEFAULTS);
    }

    FlatJsonObjectParser(ReadLimits limits) {
        factory = limits.jsonFactory(JsonFactory.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION));
    }

    JsonFactory factory() {
        return factory;
    }

    /** Parses a whole line holding one object. */
    Map<String, String> parseLine(String line) throws IOException {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object");
            }
            Map<String, String> m = readObjectBody(p);
            if (p.nextToken() != null) {
                throw new IOException("expected one JSON object per line, found more after it");
            }
            return m;
        }
    }

    /** Reads fields until the END_OBJECT matching a START_OBJECT the parser has just read. */
    static Map<String, String> readObjectBody(JsonParser p) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw new IOException("expected a field name");
            }
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                m.put(name, p.getText());
            }
        }
        return m;
    }
}
