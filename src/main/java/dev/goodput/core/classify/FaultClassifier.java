package dev.goodput.core.classify;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Gives a fault message its cause: the rules of a rule file ({@code fault-rules.tsv} bundled beside this class, read
 * once; docs/fault-causes.md says why each rule is there), tried in file order, the first whose pattern occurs in the
 * message winning. A message no rule matches is {@code unattributed_downtime} with no rule, for the analyst: never a
 * silent "other". Every recogniser that reports a fault classifies it here; the workspace's rules (the attribution
 * editor's) re-attribute the time afterwards and stay the analyst's override.
 */
public final class FaultClassifier {
    public static final String RESOURCE = "fault-rules.tsv";

    /** A rule: its id (named in reports), the pattern looked for, the cause and layer it gives. */
    public record Rule(String id, Pattern pattern, String cause, Layer layer) {
    }

    /**
     * What a message was classified as.
     *
     * @param rule the id of the rule that matched, or null when none did
     */
    public record Classification(String cause, Layer layer, String rule) {
        public boolean matched() {
            return rule != null;
        }
    }

    /** A message no rule matches. */
    public static final Classification UNMATCHED = new Classification(CauseCatalog.UNATTRIBUTED_DOWNTIME.id(),
            Layer.INFRA, null);

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final List<Rule> rules;

    private FaultClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final class Bundled {
        static final FaultClassifier RULES = load();

        private static FaultClassifier load() {
            try (InputStream in = FaultClassifier.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The bundled rules. */
    public static FaultClassifier bundled() {
        return Bundled.RULES;
    }

    /** The rules, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    /** The first rule's classification whose pattern occurs in {@code message}, or null when none does. */
    public Classification find(String message) {
        if (message == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.pattern().matcher(message).find()) {
                return new Classification(r.cause(), r.layer(), r.id());
            }
        }
        return null;
    }

    /** As {@link #find}, with {@link #UNMATCHED} when no rule matches. */
    public Classification classify(String message) {
        Classification c = find(message);
        return c != null ? c : UNMATCHED;
    }

    /**
     * Reads a rule file: lines of {@code rule<TAB>pattern<TAB>cause<TAB>layer}; {@code #} comments and blank lines
     * are skipped. Rule ids are unique lower snake case, patterns Java regular expressions, causes catalogue ids.
     *
     * @throws IllegalArgumentException naming {@code name} and the line, for a malformed row
     */
    public static FaultClassifier parse(Reader reader, String name) throws IOException {
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader in = new BufferedReader(reader);
        String s;
        int n = 0;
        while ((s = in.readLine()) != null) {
            n++;
            if (s.isBlank() || s.startsWith("#")) {
                continue;
            }
            String[] cols = s.split("\t", -1);
            String at = name + ":" + n + ": ";
            if (cols.length != 4 || cols[1].isEmpty()) {
                throw new IllegalArgumentException(at + "expected rule<TAB>pattern<TAB>cause<TAB>layer");
            }
            String id = cols[0].trim();
            if (!RULE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(at + "expected a rule id in lower snake case, found '" + id + "'");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException(at + "rule id '" + id + "' is used twice");
            }
            String cause = cols[2].trim();
            if (CauseCatalog.byId(cause) == null || !CauseCatalog.canonicalId(cause).equals(cause)) {
                throw new IllegalArgumentException(at + "expected a catalogue cause id, found '" + cause + "'");
            }
            Layer layer = Layer.parse(cols[3]);
            if (layer == null) {
                throw new IllegalArgumentException(at + "expected layer infra, framework or model, found '"
                        + cols[3].trim() + "'");
            }
            try {
                rules.add(new Rule(id, Pattern.compile(cols[1]), cause, layer));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(at + "bad pattern: " + e.getDescription());
            }
        }
        return new FaultClassifier(rules);
    }
}
