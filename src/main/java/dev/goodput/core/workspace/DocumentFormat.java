package dev.goodput.core.workspace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of file this package writes, named by their {@code "format"} field, and the header and layout they
 * share. Both carry the same {@code "version"}: an attribution file is a workspace without inputs and settings.
 */
public enum DocumentFormat {
    WORKSPACE("goodput-workspace", 1),
    /** Tags, rules and fault roles alone, to share with a teammate. First written in version 2. */
    ATTRIBUTIONS("goodput-attributions", 2);

    // One field per line and '\n' on every platform, so files diff well and are byte-identical everywhere.
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT))
            .enable(SerializationFeature.INDENT_OUTPUT)
            // The caller owns the writer (an atomic write still has to sync it).
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String id;
    private final int firstVersion;

    DocumentFormat(String id, int firstVersion) {
        this.id = id;
        this.firstVersion = firstVersion;
    }

    public String id() {
        return id;
    }

    /** The oldest version of this format that was ever written (older ones are refused, not guessed at). */
    int firstVersion() {
        return firstVersion;
    }

    /** Writes {@code body}'s fields under this format's header, at the current version. */
    void write(ObjectNode body, Writer out) throws IOException {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", id);
        doc.put("version", WorkspaceMigration.CURRENT_VERSION);
        doc.setAll(body);
        MAPPER.writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    static ObjectNode newBody() {
        return MAPPER.createObjectNode();
    }

    /** The document's format, when it is one of {@code accepted}. */
    static DocumentFormat of(JsonDocument doc, Set<DocumentFormat> accepted) throws InputException {
        String found = doc.optionalText(doc.root(), "format", "the file format");
        for (DocumentFormat f : accepted) {
            if (f.id.equals(found)) {
                return f;
            }
        }
        String names = accepted.stream().map(f -> "\"" + f.id + "\"").sorted().collect(Collectors.joining(" or "));
        throw doc.error(doc.root(), "format", "\"format\": " + names + ", found "
                + (found == null ? "no format (not a Goodput Workbench file?)" : "\"" + found + "\""));
    }
}
