package dev.goodput.core.io.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.goodput.core.io.logs.BadRecord;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object of a Kubernetes record (a Pod, an Event, a part of them), read whole with the line it starts on,
 * so that what is taken from it can name its line. A Kubernetes object is at most about 1.5 MB (etcd's limit), so
 * one is held at a time while a list streams past. {@code null} values read as absent (kubectl writes
 * {@code "firstTimestamp": null}); {@code managedFields}, the server's bookkeeping, is skipped unread.
 */
final class LocatedObject {
    private final long line;
    private final Map<String, Object> fields;

    LocatedObject(long line, Map<String, Object> fields) {
        this.line = line;
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Reads the object whose START_OBJECT is the parser's current token. */
    static LocatedObject read(JsonParser p) throws IOException {
        long line = lineOf(p);
        Map<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("managedFields")) {
                p.skipChildren();
            } else {
                Object value = value(p, v);
                if (value != null) {
                    fields.put(name, value);
                }
            }
        }
        return new LocatedObject(line, fields);
    }

    /** The value at the parser's current token: a string, number, boolean, {@link LocatedObject}, list, or null. */
    static Object value(JsonParser p, JsonToken v) throws IOException {
        if (v == null) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of the file");
        }
        switch (v) {
            case START_OBJECT:
                return read(p);
            case START_ARRAY: {
                List<Object> items = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    Object item = value(p, t);
                    if (item != null) {
                        items.add(item);
                    }
                }
                return Collections.unmodifiableList(items);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    static long lineOf(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    long line() {
        return line;
    }

    Set<String> names() {
        return fields.keySet();
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A field that must be an object when present; null when absent. */
    LocatedObject object(String name) throws BadRecord {
        return typed(name, LocatedObject.class, "an object");
    }

    /** A field's value when it is of the type expected (or absent: null); else the record is bad. */
    private <T> T typed(String name, Class<T> type, String expected) throws BadRecord {
        Object v = fields.get(name);
        if (v == null || type.isInstance(v)) {
            return type.cast(v);
        }
        throw new BadRecord("expected \"" + name + "\" to be " + expected + ", found " + describe(v));
    }

    /** A field that must be an object. */
    LocatedObject required(String name, String in) throws BadRecord {
        LocatedObject o = object(name);
        if (o == null) {
            throw new BadRecord("expected a \"" + name + "\" object in " + in);
        }
        return o;
    }

    /** A field that must be an array of objects when present; empty when absent. */
    List<LocatedObject> objects(String name) throws BadRecord {
        Object v = fields.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new BadRecord("expected \"" + name + "\" to be an array, found " + describe(v));
        }
        List<LocatedObject> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof LocatedObject o)) {
                throw new BadRecord("expected the items of \"" + name + "\" to be objects, found " + describe(item));
            }
            out.add(o);
        }
        return out;
    }

    /** A field that must be a string when present; null when absent. */
    String text(String name) throws BadRecord {
        return typed(name, String.class, "a string");
    }

    /** A field that must be a boolean when present; null when absent. */
    Boolean bool(String name) throws BadRecord {
        return typed(name, Boolean.class, "true or false");
    }

    /** A field that must be a whole number when present. */
    long whole(String name, long absent) throws BadRecord {
        Object v = fields.get(name);
        if (v == null) {
            return absent;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new BadRecord("expected \"" + name + "\" to be a whole number, found " + describe(v));
    }

    /**
     * A count of devices as Kubernetes writes a quantity: {@code "8"} (or the number 8); 0 when absent. Devices come
     * whole: "500m" is refused.
     */
    long quantity(String name) throws BadRecord {
        Object v = fields.get(name);
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new BadRecord("expected a whole number of \"" + name + "\", found \"" + s + "\"");
            }
        }
        return whole(name, 0);
    }

    /**
     * A time as Kubernetes writes one (RFC 3339, {@code 2023-07-11T04:43:25Z} or with microseconds,
     * {@code 2023-07-11T03:31:41.548190Z}), in epoch µs; {@code absent} when the field is absent or null.
     */
    long time(String name, long absent) throws BadRecord {
        String t = text(name);
        if (t == null) {
            return absent;
        }
        try {
            java.time.Instant i = OffsetDateTime.parse(t.strip()).toInstant();
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000L);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadRecord("expected an RFC 3339 time (2023-07-11T04:43:25Z) for \"" + name + "\", found \""
                    + t + "\"");
        }
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (v instanceof LocatedObject) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return String.valueOf(v);
    }
}
