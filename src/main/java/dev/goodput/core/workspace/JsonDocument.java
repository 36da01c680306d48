package dev.goodput.core.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.io.ReadLimits;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.JsonSyntax;
import dev.goodput.core.io.RegularFile;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON file read as a tree that remembers the line of every object, array and field, so a mistake found
 * after parsing (a bad time, an unknown layer) is still reported as {@code FILE:LINE: expected …}. Jackson's trees
 * carry no locations, hence this reader; its typed getters say what was expected and what was found.
 */
final class JsonDocument {
    /** Workspaces and attribution files are small: the default limits, not the run's, bound them. */
    private static final ReadLimits LIMITS = ReadLimits.DEFAULTS;
    private static final JsonFactory FACTORY = LIMITS.jsonFactory(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int SHOWN_TEXT = 40;

    private final String file;
    private final Map<JsonNode, Long> containerLines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, Long>> fieldLines = new IdentityHashMap<>();
    private final List<Problem> ignored = new ArrayList<>();
    private ObjectNode root;

    private JsonDocument(String file) {
        this.file = file;
    }

    /** Reads a file, refusing anything but a readable regular file before opening it (a FIFO would block). */
    static JsonDocument read(Path path) throws IOException, InputException {
        RegularFile.check(path);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /** Reads one JSON object (bytes, so Jackson detects the encoding and locates bad UTF-8 too). */
    static JsonDocument read(InputStream in, String file) throws IOException, InputException {
        JsonDocument doc = new JsonDocument(file);
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    throw new InputException(new Source(file, first == null ? 1 : line(p)),
                            first == null ? "expected a JSON object, found an empty file" : "expected a JSON object");
                }
                doc.root = (ObjectNode) doc.value(p);
                if (p.nextToken() != null) {
                    throw new InputException(new Source(file, line(p)),
                            "expected the end of the file after the object");
                }
            } catch (StreamConstraintsException e) {
                // Jackson gives no location with these; the parser still knows where it is.
                throw new InputException(new Source(file, p.currentLocation().getLineNr()), LIMITS.describe(e), e);
            }
        } catch (JsonProcessingException e) {
            throw new InputException(new Source(file, JsonSyntax.line(e, 0)), JsonSyntax.expected(e), e);
        } catch (CharConversionException e) {
            throw new InputException(new Source(file, 0), JsonSyntax.notUtf8(e), e);
        }
        return doc;
    }

    private JsonNode value(JsonParser p) throws IOException {
        long line = line(p);
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                containerLines.put(o, line);
                Map<String, Long> fields = new HashMap<>();
                fieldLines.put(o, fields);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, line(p));
                    o.set(name, value(p));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                containerLines.put(a, line);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                yield a;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NODES.numberNode(p.getBigIntegerValue()) : NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected JSON token " + p.currentToken());
        };
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    ObjectNode root() {
        return root;
    }

    String file() {
        return file;
    }

    /**
     * Warnings about the file: fields this version does not know (skipped), values a migration changed (an old
     * cause id).
     */
    List<Problem> ignored() {
        return List.copyOf(ignored);
    }

    /** Where {@code field} of {@code o} is, or {@code o} itself when the field is absent. */
    Source at(ObjectNode o, String field) {
        Map<String, Long> fields = fieldLines.get(o);
        Long line = fields == null ? null : fields.get(field);
        return line != null ? new Source(file, line) : at(o);
    }

    Source at(JsonNode container) {
        return new Source(file, containerLines.getOrDefault(container, 0L));
    }

    InputException error(ObjectNode o, String field, String expected) {
        return new InputException(at(o, field), "expected " + expected);
    }

    /** Notes a warning about {@code field} of {@code o}, at its line. */
    void warn(ObjectNode o, String field, String message) {
        ignored.add(Problem.warning(at(o, field), message));
    }

    /** Notes (as warnings) the fields of {@code o} outside {@code known}; they are not kept. */
    void ignoreUnknown(ObjectNode o, Set<String> known, String what) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                ignored.add(Problem.warning(at(o, name), "ignored unknown field \"" + name + "\" in " + what
                        + " (written by a newer version?); saving drops it"));
            }
        }
    }

    // --- typed getters: "absent" and null are the same, so writers may omit or spell out a default ---

    String text(ObjectNode o, String field, String what) throws InputException {
        String t = optionalText(o, field, what);
        if (t == null) {
            throw error(o, field, "a \"" + field + "\" field (" + what + ")");
        }
        if (t.isBlank()) {
            throw error(o, field, "\"" + field + "\" to be " + what + ", found \"" + t + "\"");
        }
        return t;
    }

    String optionalText(ObjectNode o, String field, String what) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(o, field, "\"" + field + "\" to be text (" + what + "), found " + found(v));
        }
        return v.textValue();
    }

    long time(ObjectNode o, String field) throws InputException {
        if (absent(o.get(field))) {
            throw error(o, field, "a \"" + field + "\" field (an ISO-8601 UTC time such as "
                    + "2025-03-03T09:10:00.000000Z)");
        }
        return optionalTime(o, field);
    }

    /** Epoch microseconds, or null when absent. */
    Long optionalTime(ObjectNode o, String field) throws InputException {
        String t = optionalText(o, field, "an ISO-8601 UTC time");
        if (t == null) {
            return null;
        }
        try {
            return FileTimes.parse(t);
        } catch (IllegalArgumentException e) {
            throw error(o, field, "\"" + field + "\" to be an ISO-8601 UTC time such as 2025-03-03T09:10:00.000000Z ("
                    + e.getMessage() + "), found " + found(o.get(field)));
        }
    }

    int integer(ObjectNode o, String field, int absentValue) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return absentValue;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(o, field, "\"" + field + "\" to be a whole number, found " + found(v));
        }
        return v.intValue();
    }

    long wholeNumber(ObjectNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v) || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(o, field, "\"" + field + "\" to be a whole number, found " + found(v));
        }
        return v.longValue();
    }

    /** A number, or NaN when absent. */
    double optionalNumber(ObjectNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw error(o, field, "\"" + field + "\" to be a number, found " + found(v));
        }
        return v.doubleValue();
    }

    Boolean optionalBoolean(ObjectNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(o, field, "\"" + field + "\" to be true or false, found " + found(v));
        }
        return v.booleanValue();
    }

    ObjectNode optionalObject(ObjectNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return null;
        }
        if (!v.isObject()) {
            throw error(o, field, "\"" + field + "\" to be an object, found " + found(v));
        }
        return (ObjectNode) v;
    }

    /** The objects in the array {@code field}; none when absent. */
    List<ObjectNode> objects(ObjectNode o, String field) throws InputException {
        JsonNode v = o.get(field);
        if (absent(v)) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(o, field, "\"" + field + "\" to be an array, found " + found(v));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw error(o, field, "every element of \"" + field + "\" to be an object, found " + found(e));
            }
            out.add((ObjectNode) e);
        }
        return out;
    }

    // --- for migrations, which reshape the tree and must keep where things were ---

    /** A new object reported at the line of {@code near}. */
    ObjectNode objectNear(ObjectNode near) {
        ObjectNode o = NODES.objectNode();
        containerLines.put(o, at(near).line());
        fieldLines.put(o, new HashMap<>());
        return o;
    }

    /** Moves {@code field} of {@code from} to {@code to} as {@code name}, with its line; nothing when absent. */
    void move(ObjectNode from, String field, ObjectNode to, String name) {
        JsonNode v = from.remove(field);
        if (v != null) {
            to.set(name, v);
            fieldLines.computeIfAbsent(to, k -> new HashMap<>()).put(name, at(from, field).line());
        }
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull();
    }

    private static String found(JsonNode v) {
        if (v == null) {
            return "nothing";
        }
        if (v.isTextual()) {
            String t = v.textValue();
            return "\"" + (t.length() > SHOWN_TEXT ? t.substring(0, SHOWN_TEXT) + "…" : t) + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.isArray() ? "an array" : v.toString();
    }
}
