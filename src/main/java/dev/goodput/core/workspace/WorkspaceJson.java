package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.derive.Window;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.FlopConvention;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The workspace file ({@code .goodput}): JSON with {@code "format": "goodput-workspace"} and a {@code "version"};
 * see docs/workspace-format.md. Older versions are migrated on reading; unknown fields are skipped with a warning
 * and not kept, since a field this release does not understand cannot be kept consistent with edits made here.
 */
public final class WorkspaceJson {
    private static final Set<String> TOP_FIELDS = Stream.concat(
            Stream.of("format", "version", "inputs", "settings", "notes", "colours"), OverlayJson.SECTIONS.stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> INPUT_FIELDS = Set.of("path", "size", "sha256");
    private static final Set<String> SETTINGS_FIELDS = Set.of("window", "flop_convention", "peak_flops",
            "eval_productive", "warmup_steps");
    private static final Set<String> WINDOW_FIELDS = Set.of("start", "end");
    private static final Set<String> COLOUR_FIELDS = Set.of("chosen", "given");

    private WorkspaceJson() {
    }

    public static Loaded<Workspace> read(Path file) throws IOException, InputException {
        return read(JsonDocument.read(file));
    }

    /** @param name the file name to report errors at */
    public static Loaded<Workspace> read(InputStream in, String name) throws IOException, InputException {
        return read(JsonDocument.read(in, name));
    }

    private static Loaded<Workspace> read(JsonDocument doc) throws InputException {
        DocumentFormat.of(doc, Set.of(DocumentFormat.WORKSPACE));
        int version = WorkspaceMigration.migrate(doc, DocumentFormat.WORKSPACE);
        ObjectNode root = doc.root();
        doc.ignoreUnknown(root, TOP_FIELDS, "the workspace");
        Workspace ws = new Workspace(inputs(doc, root), settings(doc, doc.optionalObject(root, "settings")),
                OverlayJson.read(doc, root), doc.optionalText(root, "notes", "notes"),
                colours(doc, doc.optionalObject(root, "colours")));
        return new Loaded<>(ws, version, doc.ignored());
    }

    public static void write(Workspace ws, Writer out) throws IOException {
        ObjectNode body = DocumentFormat.newBody();
        ArrayNode inputs = body.putArray("inputs");
        for (InputRef in : ws.inputs()) {
            inputs.addObject().put("path", in.path()).put("size", in.sizeBytes()).put("sha256", in.sha256());
        }
        WorkspaceSettings s = ws.settings();
        ObjectNode settings = body.putObject("settings");
        if (s.window() == null) {
            settings.putNull("window");
        } else {
            settings.putObject("window").put("start", FileTimes.format(s.window().startUs()))
                    .put("end", FileTimes.format(s.window().endUs()));
        }
        settings.put("flop_convention", s.flopConvention() == null ? null : s.flopConvention().id());
        settings.put("peak_flops", Double.isNaN(s.peakOverride()) ? null : s.peakOverride());
        settings.put("eval_productive", s.evalProductive());
        settings.put("warmup_steps", s.warmupSteps());
        OverlayJson.write(ws.overlay(), body);
        body.put("notes", ws.notes());
        ObjectNode colours = body.putObject("colours");
        ObjectNode chosen = colours.putObject("chosen");
        ws.colours().chosen().forEach((id, rgb) -> chosen.put(id, CauseColourChoices.hex(rgb)));
        ObjectNode given = colours.putObject("given");
        ws.colours().given().forEach((id, rgb) -> given.put(id, CauseColourChoices.hex(rgb)));
        DocumentFormat.WORKSPACE.write(body, out);
    }

    private static List<InputRef> inputs(JsonDocument doc, ObjectNode root) throws InputException {
        List<InputRef> out = new ArrayList<>();
        for (ObjectNode o : doc.objects(root, "inputs")) {
            doc.ignoreUnknown(o, INPUT_FIELDS, "an input");
            String path = doc.text(o, "path", "the input file's path");
            long size = doc.wholeNumber(o, "size");
            if (size < 0) {
                throw doc.error(o, "size", "\"size\" to be 0 or more bytes, found " + size);
            }
            String sha = doc.text(o, "sha256", "the input's SHA-256");
            if (!sha.matches("[0-9a-fA-F]{64}")) {
                throw doc.error(o, "sha256", "\"sha256\" to be 64 hex digits, found \"" + sha + "\"");
            }
            out.add(new InputRef(path, size, sha.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static CauseColourChoices colours(JsonDocument doc, ObjectNode o) throws InputException {
        if (o == null) {
            return CauseColourChoices.EMPTY;
        }
        doc.ignoreUnknown(o, COLOUR_FIELDS, "the colours");
        return new CauseColourChoices(colourMap(doc, doc.optionalObject(o, "chosen")),
                colourMap(doc, doc.optionalObject(o, "given")));
    }

    private static java.util.Map<String, Integer> colourMap(JsonDocument doc, ObjectNode o) throws InputException {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        if (o == null) {
            return out;
        }
        for (java.util.Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            String text = doc.optionalText(o, id, "a colour #rrggbb");
            int rgb = CauseColourChoices.parseHex(text);
            if (rgb < 0 || id.isBlank()) {
                throw doc.error(o, id, "the colour of \"" + id + "\" to be #rrggbb, found \"" + text + "\"");
            }
            out.put(dev.goodput.core.model.CauseCatalog.canonicalId(id), rgb);
        }
        return out;
    }

    private static WorkspaceSettings settings(JsonDocument doc, ObjectNode o) throws InputException {
        WorkspaceSettings s = WorkspaceSettings.defaults();
        if (o == null) {
            return s;
        }
        doc.ignoreUnknown(o, SETTINGS_FIELDS, "the settings");
        ObjectNode w = doc.optionalObject(o, "window");
        if (w != null) {
            doc.ignoreUnknown(w, WINDOW_FIELDS, "the window");
            long start = doc.time(w, "start");
            long end = doc.time(w, "end");
            if (end < start) {
                throw doc.error(w, "end", "the window's \"end\" not before its \"start\"");
            }
            s = s.withWindow(new Window(start, end));
        }
        String conv = doc.optionalText(o, "flop_convention", "given, 6nd or palm");
        if (conv != null) {
            FlopConvention c = FlopConvention.parse(conv);
            if (c == null) {
                throw doc.error(o, "flop_convention", "\"flop_convention\" to be given, 6nd or palm, found \""
                        + conv + "\"");
            }
            s = s.withFlopConvention(c);
        }
        double peak = doc.optionalNumber(o, "peak_flops");
        if (!Double.isNaN(peak) && !(peak > 0 && Double.isFinite(peak))) {
            throw doc.error(o, "peak_flops", "\"peak_flops\" to be a positive number of FLOP/s, found " + peak);
        }
        int warmup = doc.integer(o, "warmup_steps", s.warmupSteps());
        if (warmup < 0) {
            throw doc.error(o, "warmup_steps", "\"warmup_steps\" to be 0 or more, found " + warmup);
        }
        return s.withPeakOverride(peak).withEvalProductive(doc.optionalBoolean(o, "eval_productive"))
                .withWarmupSteps(warmup);
    }
}
