package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level field names of a JSON file's first record (the object itself, the first element of an array, or
 * the first line of JSON Lines), read with a streaming parser: a JSON input is told apart by its shape, never by a
 * substring that could appear in any value.
 */
final class FirstRecord {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private FirstRecord() {
    }

    /** The first record's field names (at most 200, in order); empty when the file does not start with one. */
    static Set<String> fieldsOf(Path file) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Reader r = InputFiles.reader(file); JsonParser p = JSON.createParser(r)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            if (t != JsonToken.START_OBJECT) {
                return names;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME && names.size() < 200) {
                names.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A record cut short or malformed further on: what was read of it still tells the shape.
        }
        return names;
    }
}
