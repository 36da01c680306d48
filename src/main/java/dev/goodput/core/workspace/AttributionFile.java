package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Attributions to share: tags, rules and fault roles alone ({@code "format": "goodput-attributions"}), without the
 * inputs, settings and notes of a workspace. Importing also takes a teammate's whole workspace file, using only
 * its overlay; merge the result with {@link OverlayMerge}.
 */
public final class AttributionFile {
    public static final String EXTENSION = ".goodput-attributions";
    private static final Set<String> FIELDS = Stream.concat(Stream.of("format", "version"),
            OverlayJson.SECTIONS.stream()).collect(Collectors.toUnmodifiableSet());
    /** A workspace's other sections, read past when importing one's attributions. */
    private static final Set<String> WORKSPACE_FIELDS = Stream.concat(FIELDS.stream(),
            Stream.of("inputs", "settings", "notes", "colours")).collect(Collectors.toUnmodifiableSet());

    private AttributionFile() {
    }

    /** Writes the overlay, atomically like a workspace. */
    public static void export(Overlay overlay, Path file) throws IOException {
        ObjectNode body = DocumentFormat.newBody();
        OverlayJson.write(overlay, body);
        AtomicFile.writeText(file, out -> DocumentFormat.ATTRIBUTIONS.write(body, out));
    }

    /** Reads an attribution file, or the overlay of a workspace file. */
    public static Loaded<Overlay> read(Path file) throws IOException, InputException {
        JsonDocument doc = JsonDocument.read(file);
        DocumentFormat format = DocumentFormat.of(doc, Set.of(DocumentFormat.ATTRIBUTIONS, DocumentFormat.WORKSPACE));
        int version = WorkspaceMigration.migrate(doc, format);
        doc.ignoreUnknown(doc.root(), format == DocumentFormat.WORKSPACE ? WORKSPACE_FIELDS : FIELDS,
                "the attributions");
        return new Loaded<>(OverlayJson.read(doc, doc.root()), version, doc.ignored());
    }
}
