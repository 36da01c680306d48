package dev.goodput.core.io.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.InputFiles;
import dev.goodput.core.io.JsonSyntax;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.io.logs.BadRecord;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one kubectl JSON export, streaming: a List (or PodList, EventList) of Pods and Events, one Pod or Event, or
 * several of these one after another ({@code kubectl get events --watch -o json}, with or without
 * {@code --output-watch-events}), or a bare array of them. A list's items are read one at a time.
 */
final class KubeReader {
    /** Bad records reported one by one in lenient mode before the rest are only counted. */
    private static final int REPORTED = 10;

    private final String file;
    private final LoadMode mode;
    private final ReadLimits limits;
    private final List<PodRun> runs = new ArrayList<>();
    private final List<KubeEvent> events = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Long> otherKinds = new TreeMap<>();
    private long pods;
    private long eventObjects;
    private long bad;
    private long lines;

    private KubeReader(String file, LoadMode mode, ReadLimits limits) {
        this.file = file;
        this.mode = mode;
        this.limits = limits;
    }

    /** What one export holds. */
    record Export(String file, List<PodRun> runs, List<KubeEvent> events, long pods, long eventObjects, long lines,
                  List<Problem> problems) {
    }

    static Export read(Path path, LoadMode mode, ReadLimits limits) throws IOException, InputException {
        KubeReader k = new KubeReader(path.toString(), mode, limits);
        k.parse(path);
        return new Export(k.file, k.runs, k.events, k.pods, k.eventObjects, k.lines, k.problems);
    }

    private void parse(Path path) throws IOException, InputException {
        try (Reader r = InputFiles.reader(path, limits); JsonParser p = limits.jsonFactory().createParser(r)) {
            try {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.START_OBJECT) {
                        root(p);
                    } else if (t == JsonToken.START_ARRAY) {
                        items(p, null);
                    } else {
                        throw new InputException(new Source(file, LocatedObject.lineOf(p)), "expected kubectl's "
                                + "JSON: a List of Pods or Events, or Pod or Event objects");
                    }
                }
                lines = p.currentLocation().getLineNr();
            } catch (JsonProcessingException e) {
                long line = JsonSyntax.line(e, LocatedObject.lineOf(p));
                String what = e instanceof StreamConstraintsException
                        ? limits.describe((StreamConstraintsException) e) : JsonSyntax.expected(e);
                if (mode == LoadMode.STRICT) {
                    throw new InputException(new Source(file, line), what);
                }
                problems.add(Problem.warning(new Source(file, line), what + "; the " + (pods + eventObjects)
                        + " Pods and Events before it are kept"));
                lines = line;
            }
        }
        if (bad > REPORTED) {
            problems.add(Problem.warning(new Source(file, 0), bad + " records could not be read and were skipped ("
                    + REPORTED + " named above)"));
        }
        if (!otherKinds.isEmpty()) {
            problems.add(Problem.warning(new Source(file, 0), "items that are neither Pods nor Events skipped: "
                    + otherKinds));
        }
    }

    /**
     * A top-level object: a list whose items stream past, or one object (a Pod, an Event, a watch event wrapping
     * one), read whole.
     */
    private void root(JsonParser p) throws IOException, InputException {
        long line = LocatedObject.lineOf(p);
        Map<String, Object> rest = new LinkedHashMap<>();
        boolean list = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("items") && v == JsonToken.START_ARRAY) {
                list = true;
                items(p, rest.get("kind") instanceof String s ? s : null);
            } else {
                Object value = LocatedObject.value(p, v);
                if (value != null) {
                    rest.put(name, value);
                }
            }
        }
        if (!list) {
            LocatedObject top = new LocatedObject(line, rest);
            Object wrapped = rest.get("object");
            item(!top.has("kind") && top.has("type") && wrapped instanceof LocatedObject o ? o : top, null);
        }
    }

    private void items(JsonParser p, String listKind) throws IOException, InputException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                item(LocatedObject.read(p), listKind);
            } else {
                LocatedObject.value(p, t);
                bad(new Source(file, LocatedObject.lineOf(p)), "expected the list's items to be objects");
            }
        }
    }

    private void item(LocatedObject o, String listKind) throws InputException {
        Source at = new Source(file, o.line());
        try {
            String kind = kindOf(o, listKind);
            if ("Pod".equals(kind)) {
                pods++;
                runs.addAll(PodRuns.of(file, o));
            } else if ("Event".equals(kind)) {
                eventObjects++;
                KubeEvent e = KubeEvent.of(file, o);
                if (e != null) {
                    events.add(e);
                }
            } else {
                otherKinds.merge(kind == null ? "(no kind)" : kind, 1L, Long::sum);
            }
        } catch (BadRecord e) {
            bad(at, e.getMessage());
        }
    }

    /** The item's kind: its own, else its list's (a PodList's items), else what its fields say. */
    static String kindOf(LocatedObject o, String listKind) throws BadRecord {
        String kind = o.text("kind");
        if (kind != null) {
            return kind;
        }
        if (listKind != null && listKind.endsWith("List") && listKind.length() > 4) {
            return listKind.substring(0, listKind.length() - 4);
        }
        if (o.has("involvedObject") || o.has("regarding")) {
            return "Event";
        }
        LocatedObject spec = o.object("spec");
        return spec != null && spec.has("containers") ? "Pod" : null;
    }

    private void bad(Source at, String what) throws InputException {
        if (mode == LoadMode.STRICT) {
            throw new InputException(at, what);
        }
        bad++;
        if (bad <= REPORTED) {
            problems.add(Problem.warning(at, what + "; record skipped"));
        }
    }
}
