package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Reads the log entries Google's ml-goodput-measurement GoodputRecorder writes (and Orbax's checkpoint
 * entries beside them): a JSON array, JSON Lines, or an object with an {@code entries} array; each entry
 * flat or wrapped as a Cloud Logging entry ({@code jsonPayload} + {@code timestamp}). Read in one streaming pass
 * into columns ({@link MlEntries}: no map, no object per entry), then mapped in log order ({@link MlEntryMapper}).
 * How our numbers differ from the library's is in docs/ml-goodput-measurement.md.
 */
public final class MlGoodputReader implements RunLogReader {
    private final ReadLimits limits;
    private final JsonFactory factory;

    public MlGoodputReader() {
        this(ReadLimits.DEFAULTS);
    }

    public MlGoodputReader(ReadLimits limits) {
        this.limits = limits;
        this.factory = limits.jsonFactory();
    }

    @Override
    public void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException {
        TimeUnitSlip slip = new TimeUnitSlip();
        Entries read = new Entries(slip, null);
        readEntries(file, read);
        map(file, read, run, mode);
    }

    /**
     * Reads an export (an object with an {@code "entries"} array) as {@link #read} does and returns true; or reads
     * nothing into {@code run} and returns false when a name of the top object is one {@code otherFormat} claims, or
     * when the file cannot be read whole (the caller then tells the file's format from its whole first record, and
     * reads it again with the reader that format takes, which says what is wrong with it).
     */
    boolean readExport(Path file, RunBuilder run, LoadMode mode, Predicate<String> otherFormat)
            throws InputException {
        TimeUnitSlip slip = new TimeUnitSlip();
        Entries read = new Entries(slip, otherFormat);
        try {
            readEntries(file, read);
        } catch (IOException | InputException | RuntimeException e) {
            return false;
        }
        if (read.otherFormat) {
            return false;
        }
        map(file, read, run, mode);
        return true;
    }

    private static void map(Path file, Entries read, RunBuilder run, LoadMode mode) throws InputException {
        String name = file.toString();
        TimeUnitSlip slip = read.slip;
        MlEntries entries = read.entries;
        MlEntryMapper mapper = new MlEntryMapper(run, slip, entries, name);
        if (read.firstUs > read.lastUs) {
            // `gcloud logging read` lists newest first; start/end pairing and restarts need oldest first.
            run.problem(Problem.warning(new Source(name, 0), "entries are newest first; read oldest first"));
            for (int i = entries.size() - 1; i >= 0; i--) {
                map(mapper, i, run, mode);
            }
        } else {
            for (int i = 0; i < entries.size(); i++) {
                map(mapper, i, run, mode);
            }
        }
        mapper.finish();
        slip.finish(run, name);
    }

    private static void map(MlEntryMapper mapper, int entry, RunBuilder run, LoadMode mode) throws InputException {
        try {
            mapper.map(entry);
        } catch (InputException e) {
            if (mode == LoadMode.STRICT) {
                throw e;
            }
            run.problem(Problem.error(mapper.source(entry), e.detail() + "; entry skipped"));
        }
    }

    /**
     * The file's entries as read, every time of the file observed into the slip (so that a time in a larger unit than
     * seconds is judged by all the others), and the times of the first and the last entry that has one: the entries
     * run backwards in time when the first is after the last.
     */
    private static final class Entries {
        final MlEntries entries = new MlEntries();
        final TimeUnitSlip slip;
        /** Claims a name of the top object for another format; null: the format is known. */
        final Predicate<String> otherFormatName;
        long firstUs = Long.MIN_VALUE;
        long lastUs = Long.MIN_VALUE;
        boolean otherFormat;

        Entries(TimeUnitSlip slip, Predicate<String> otherFormatName) {
            this.slip = slip;
            this.otherFormatName = otherFormatName;
        }

        void topName(String field) {
            otherFormat |= otherFormatName != null && otherFormatName.test(field);
        }

        void add(MlEntry e) {
            long t = e.observeTimes(slip);
            if (t != Long.MIN_VALUE) {
                if (firstUs == Long.MIN_VALUE) {
                    firstUs = t;
                }
                lastUs = t;
            }
            entries.add(e);
        }
    }

    /** Reads the file's entries, whatever its shape, in one pass. */
    private void readEntries(Path file, Entries into) throws IOException, InputException {
        String name = file.toString();
        try (InputStream in = InputFiles.open(file, limits); JsonParser p = factory.createParser(in)) {
            try {
                new EntryStream(p, name, into).entries();
            } catch (StreamConstraintsException e) {
                // Jackson gives no location with these; the parser still knows where it is.
                throw new InputException(new Source(name, p.currentLocation().getLineNr()), limits.describe(e));
            }
        } catch (JsonProcessingException e) {
            throw new InputException(new Source(name, JsonSyntax.line(e, 0)), JsonSyntax.expected(e));
        } catch (CharConversionException e) {
            throw new InputException(new Source(name, 0), JsonSyntax.notUtf8(e), e);
        }
    }

    /** The token walk over the file's shapes, filling one reused {@link MlEntry} per entry. */
    private static final class EntryStream {
        private final JsonParser p;
        private final String name;
        private final Entries into;
        private final MlEntry entry = new MlEntry();
        private final int maxString;

        EntryStream(JsonParser p, String name, Entries into) {
            this.p = p;
            this.maxString = p.streamReadConstraints().getMaxStringLength();
            this.name = name;
            this.into = into;
        }

        void entries() throws IOException, InputException {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                readArray();
            } else if (t == JsonToken.START_OBJECT) {
                MlEntry first = new MlEntry();
                first.clear(p.currentLocation().getLineNr());
                if (!readTopObject(first)) {
                    // JSON Lines: the first object was an entry, more follow.
                    into.add(first);
                    JsonToken next;
                    while ((next = p.nextToken()) != null) {
                        if (next != JsonToken.START_OBJECT) {
                            throw new InputException(new Source(name, p.currentLocation().getLineNr()),
                                    "expected one ml-goodput entry object per line");
                        }
                        readEntry(objectLine());
                    }
                }
            } else {
                throw new InputException(new Source(name, 1), "expected a JSON array of ml-goodput entries, "
                        + "JSON Lines, or an object with an \"entries\" array");
            }
        }

        private void readArray() throws IOException, InputException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new InputException(new Source(name, p.currentLocation().getLineNr()),
                            "expected an entry object in the array");
                }
                readEntry(objectLine());
            }
        }

        /** The line of the object just opened, without the location object Jackson would make for it. */
        private long objectLine() {
            return p instanceof ParserBase ? ((ParserBase) p).getTokenLineNr() : p.currentLocation().getLineNr();
        }

        /**
         * Reads a top-level object: if it has an "entries" array, its entries are read as they stream past;
         * otherwise its fields are collected into {@code fields} (it is itself the first entry).
         */
        private boolean readTopObject(MlEntry fields) throws IOException, InputException {
            boolean sawEntries = false;
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                into.topName(field);
                JsonToken v = p.nextToken();
                if ("entries".equals(field) && v == JsonToken.START_ARRAY) {
                    sawEntries = true;
                    readArray();
                } else {
                    readEntryField(field, v, fields);
                }
            }
            return sawEntries;
        }

        /** One entry's fields, with a Cloud Logging wrapper's {@code jsonPayload} flattened into it. */
        private void readEntry(long line) throws IOException {
            entry.clear(line);
            while (p.nextToken() != JsonToken.END_OBJECT) {
                String field = p.currentName();
                readEntryField(field, p.nextToken(), entry);
            }
            into.add(entry);
        }

        /** Keeps a scalar field, flattens a payload object (its own structures skipped), skips any other structure. */
        private void readEntryField(String field, JsonToken v, MlEntry into) throws IOException {
            if (v == JsonToken.START_OBJECT && isPayloadField(field)) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    JsonToken pv = p.nextToken();
                    if (pv == JsonToken.START_OBJECT || pv == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    } else if (pv != JsonToken.VALUE_NULL) {
                        put(name, pv, into);
                    }
                }
            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            } else if (v != JsonToken.VALUE_NULL) {
                put(field, v, into);
            }
        }

        /**
         * Every value is measured against the string limit, kept or not, as it was when each was read as text (a
         * number's text counts too): the same file is refused at the same place.
         */
        private void put(String field, JsonToken v, MlEntry into) throws IOException {
            if ((v == JsonToken.VALUE_STRING || v.isNumeric()) && p.getTextLength() > maxString) {
                p.getText(); // Jackson's own refusal, with its location
            }
            into.put(field, v, p);
        }

        private static boolean isPayloadField(String field) {
            return "jsonPayload".equals(field) || "payload".equals(field);
        }
    }
}
