package dev.goodput.core.io.logs;

import dev.goodput.core.model.Layer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cause of a node-log fault, from the bundled {@code fault-rules.tsv} (read from the classpath once): rows of
 * a regular expression looked for in the fault's message, a cause id and a layer; the first row that matches
 * wins, and a message none matches is {@code unknown} (infra). The file's header says why each rule is there.
 */
final class NodeFaultRules {
    static final String RESOURCE = "fault-rules.tsv";
    static final String UNKNOWN = "unknown";

    /** One rule: where its pattern is found, the cause and layer it gives. */
    record Rule(Pattern pattern, String cause, Layer layer) {
    }

    /** A classification: cause id and layer. */
    record Cause(String id, Layer layer) {
    }

    private static final Cause UNMATCHED = new Cause(UNKNOWN, Layer.INFRA);

    private final List<Rule> rules;

    private NodeFaultRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final class Bundled {
        static final NodeFaultRules RULES = load();

        private static NodeFaultRules load() {
            try (InputStream in = NodeFaultRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bundled rules. */
    static NodeFaultRules bundled() {
        return Bundled.RULES;
    }

    /** The rules, in file order. */
    List<Rule> rules() {
        return rules;
    }

    /** The cause of the first rule whose pattern occurs in {@code message}, else {@code unknown} (infra). */
    Cause classify(String message) {
        for (Rule r : rules) {
            if (r.pattern().matcher(message).find()) {
                return new Cause(r.cause(), r.layer());
            }
        }
        return UNMATCHED;
    }

    /** Reads a rule file; a malformed row is an {@link IllegalStateException} naming its line. */
    static NodeFaultRules parse(Reader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        String s;
        int n = 0;
        while ((s = in.readLine()) != null) {
            n++;
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            String[] cols = s.split("\t", -1);
            if (cols.length != 3 || cols[0].isEmpty() || cols[1].isBlank() || cols[2].isBlank()) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": expected pattern<TAB>cause<TAB>layer");
            }
            Layer layer;
            try {
                layer = Layer.valueOf(cols[2].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": unknown layer '" + cols[2].trim() + "'");
            }
            try {
                rules.add(new Rule(Pattern.compile(cols[0]), cols[1].trim(), layer));
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException(RESOURCE + ":" + n + ": bad pattern: " + e.getDescription());
            }
        }
        return new NodeFaultRules(rules);
    }
}
