package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The top-level field names of a JSON file's first record (the object itself, the first element of an array, or
 * the first line of JSON Lines), read with a streaming parser: a JSON input is told apart by its shape, never by a
 * substring that could appear in any value.
 */
final class FirstRecord {
    /**
     * Nesting is not limited here: skipping is iterative, and the reader chosen reports a too-deep file with the limit
     * the user set (a limit here would misname a deep kubectl export as no known format).
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE)
                    .maxNameLength((int) ReadLimits.DEFAULTS.maxStringBytes()).build()).build();

    private FirstRecord() {
    }

    /** The first record's field names (at most 200, in order); empty when the file does not start with one. */
    static Set<String> fieldsOf(Path file) throws IOException {
        return names(file, null);
    }

    /**
     * Whether the file is a top-level object whose names up to an {@code "entries"} array include none that
     * {@code decisive} names: an ml-goodput export, its entries most of the file. Its names are then read no further
     * (the ml-goodput reader reads the entries anyway and checks the names after them), nor past a decisive one.
     */
    static boolean startsEntriesExport(Path file, Predicate<String> decisive) throws IOException {
        return names(file, decisive) == null;
    }

    /** The first record's names, or null when {@code decisive} is given and they stop at an entries export's array. */
    private static Set<String> names(Path file, Predicate<String> decisive) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Reader r = InputFiles.reader(file); JsonParser p = JSON.createParser(r)) {
            JsonToken t = p.nextToken();
            boolean object = t == JsonToken.START_OBJECT;
            if (t == JsonToken.START_ARRAY) {
                t = p.nextToken();
            }
            if (t != JsonToken.START_OBJECT) {
                return names;
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME && names.size() < 200) {
                String name = p.currentName();
                names.add(name);
                if (decisive != null && decisive.test(name)) {
                    return names;
                }
                if (p.nextToken() == JsonToken.START_ARRAY && decisive != null && object && name.equals("entries")) {
                    return null;
                }
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // A record cut short or malformed further on: what was read of it still tells the shape.
        }
        return names;
    }

    /**
     * The shape of a kubectl export: the kind of its objects (a list's first item's kind, else the list's own kind
     * less "List"; a watch event's object's kind; the object's kind), and whether they come in a list.
     *
     * @param kind the objects' kind ("Pod", "Event", "Node" …), or null for an empty list that does not say
     */
    record Kube(String kind, boolean list) {
        boolean podsOrEvents() {
            return kind == null || kind.equals("Pod") || kind.equals("Event");
        }
    }

    /**
     * Whether the first record is Kubernetes' ({@code apiVersion} and {@code kind}, or a list of {@code items} that
     * are Kubernetes objects, or a watch event {@code {"type": …, "object": {…}}}), and of which kind; null when it is
     * not. Read with a streaming parser: a list's first item is looked at, the rest skipped.
     */
    static Kube kubernetes(Path file) throws IOException {
        try (Reader r = InputFiles.reader(file); JsonParser p = JSON.createParser(r)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                Shape first = p.nextToken() == JsonToken.START_OBJECT ? new Shape() : null;
                if (first != null) {
                    fillUntilCut(first, p);
                }
                String kind = first == null ? null : first.kubeKind(null);
                return kind == null ? null : new Kube(kind, true);
            }
            if (t != JsonToken.START_OBJECT) {
                return null;
            }
            Shape top = new Shape();
            fillUntilCut(top, p);
            if (top.items) {
                String kind = top.firstItem != null ? top.firstItem.kubeKind(top.kind) : listed(top.kind);
                boolean kubeList = top.kind != null && top.apiVersion != null;
                return kind != null || kubeList ? new Kube(kind, true) : null;
            }
            if (top.kind != null && top.apiVersion != null) {
                return new Kube(top.kind, false);
            }
            if (top.watched != null && top.type) {
                String kind = top.watched.kubeKind(null);
                return kind == null ? null : new Kube(kind, false);
            }
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // not JSON of this shape; the other checks say what it is not
        }
    }

    /**
     * Reads the object into {@code s}; a file cut inside it keeps what was read, which still tells its kind (the
     * reader then says where the file ends). Other syntax errors are thrown.
     */
    private static void fillUntilCut(Shape s, JsonParser p) throws IOException {
        try {
            s.fill(p);
        } catch (JsonProcessingException e) {
            if (!JsonSyntax.endsEarly(e)) {
                throw e;
            }
        }
    }

    /** "PodList" → "Pod"; "List" (kubectl's) says nothing. */
    private static String listed(String listKind) {
        return listKind != null && listKind.endsWith("List") && listKind.length() > 4
                ? listKind.substring(0, listKind.length() - 4) : null;
    }

    /** What detection needs of an object: its kind, apiVersion, whether it has items, and their first one. */
    private static final class Shape {
        String kind;
        String apiVersion;
        boolean items;
        boolean type;
        Shape firstItem;
        Shape watched;
        final Set<String> names = new LinkedHashSet<>();

        /**
         * Reads the object whose START_OBJECT is current into this shape, its first list item and watched object one
         * level down, each nested shape linked before it is read (so a cut keeps what was read).
         */
        void fill(JsonParser p) throws IOException {
            Shape s = this;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                s.names.add(name);
                if (name.equals("kind") && v == JsonToken.VALUE_STRING) {
                    s.kind = p.getText();
                } else if (name.equals("apiVersion") && v == JsonToken.VALUE_STRING) {
                    s.apiVersion = p.getText();
                } else if (name.equals("type") && v == JsonToken.VALUE_STRING) {
                    s.type = true;
                } else if (name.equals("items") && v == JsonToken.START_ARRAY) {
                    s.items = true;
                    JsonToken first = p.nextToken();
                    if (first == JsonToken.START_OBJECT) {
                        s.firstItem = new Shape();
                        s.firstItem.fill(p);
                    } else {
                        p.skipChildren();
                    }
                    for (JsonToken t = first; t != JsonToken.END_ARRAY && t != null; ) {
                        t = p.nextToken();
                        p.skipChildren();
                    }
                } else if (name.equals("object") && v == JsonToken.START_OBJECT) {
                    s.watched = new Shape();
                    s.watched.fill(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        /** The kind of a Kubernetes object: its own, its list's, or an Event's or Pod's telling field; else null. */
        String kubeKind(String listKind) {
            if (kind != null && apiVersion != null) {
                return kind;
            }
            String listed = listed(listKind);
            if (listed != null) {
                return listed;
            }
            if (names.contains("involvedObject") || names.contains("regarding")) {
                return "Event";
            }
            return kind != null && names.contains("metadata") ? kind : null;
        }
    }
}
