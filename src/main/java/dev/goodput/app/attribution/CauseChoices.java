package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The causes offered when tagging: the taxonomy, then causes already used in the run (imported, tagged or in a
 * rule), each once. What a user types is read back as a cause: an id, a label, or a new name made an id
 * ("Bad PSU" → {@code bad_psu}). {@link #matching} is the list a cause field shows as the user types: the run's own
 * causes first, so typing "gpu" in a run that lost days to {@code faulty_gpu} offers that before any other GPU cause.
 */
public final class CauseChoices {

    private final List<Cause> causes;
    /** Seconds carried in the run, by cause id, for the causes the run uses (0 for one only a rule or tag names). */
    private final Map<String, Double> inRun;

    private CauseChoices(List<Cause> causes, Map<String, Double> inRun) {
        this.causes = List.copyOf(causes);
        this.inRun = Map.copyOf(inRun);
    }

    /** The taxonomy and the causes of {@code report} (may be null) and {@code overlay}. */
    public static CauseChoices of(GoodputReport report, Overlay overlay) {
        Map<String, Cause> byId = new LinkedHashMap<>();
        Map<String, Double> inRun = new HashMap<>();
        for (Cause c : CauseCatalog.taxonomy()) {
            byId.putIfAbsent(c.id(), c);
        }
        if (report != null) {
            for (CauseShare s : report.badput()) {
                if (s.layer() != Layer.MODEL) { // model-layer causes are measured, never tagged
                    byId.putIfAbsent(s.cause(), Cause.of(s.cause(), s.layer()));
                    if (s.seconds() > 0) {
                        inRun.merge(s.cause(), s.seconds(), Double::sum);
                    }
                }
            }
        }
        for (Tag t : overlay.tags()) {
            byId.putIfAbsent(t.cause(), Cause.of(t.cause(), t.layer()));
            inRun.putIfAbsent(t.cause(), 0.0);
        }
        for (Rule r : overlay.rules()) {
            byId.putIfAbsent(r.cause(), Cause.of(r.cause(), r.layer()));
            inRun.putIfAbsent(r.cause(), 0.0);
        }
        List<Cause> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Cause::layer).thenComparing(c -> c.label().toLowerCase(Locale.ROOT)));
        return new CauseChoices(all, inRun);
    }

    /**
     * The causes whose id or label contains {@code typed} (ignoring case; "_" reads as a space, so "faulty g" finds
     * {@code faulty_gpu}); all of them for a blank text. First the cause the text names exactly, if any; then the
     * run's own causes, the one carrying the most time first; then the catalogue's, infra before framework, those
     * whose label or id (or a word of it) starts with the text before those that only contain it, then by label.
     */
    public List<CauseSuggestion> matching(String typed) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        List<CauseSuggestion> out = new ArrayList<>();
        for (Cause c : causes) {
            if (rank(c, t) < NO_MATCH) {
                Double seconds = inRun.get(c.id());
                out.add(new CauseSuggestion(c, seconds != null, seconds == null ? 0 : seconds));
            }
        }
        // The cause the text names exactly comes first, so Enter on "maintenance" takes that one, not a longer one.
        Optional<Cause> exact = known(typed);
        out.sort(Comparator.comparing((CauseSuggestion s) -> exact.map(e -> !e.equals(s.cause())).orElse(true))
                .thenComparing(s -> !s.inRun())
                .thenComparing(s -> -s.seconds())
                .thenComparing(s -> s.inRun() ? Layer.INFRA : s.cause().layer())
                .thenComparing(s -> rank(s.cause(), t))
                .thenComparing(s -> s.cause().label().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static final int NO_MATCH = 3;

    /** 0: the label or id starts with {@code t}; 1: a word of it does; 2: it contains {@code t}; else no match. */
    private static int rank(Cause c, String t) {
        if (t.isEmpty()) {
            return 0;
        }
        int best = NO_MATCH;
        for (String text : List.of(c.label().toLowerCase(Locale.ROOT), c.id().replace('_', ' '))) {
            int at = text.indexOf(t);
            if (at == 0) {
                return 0;
            }
            if (at > 0) {
                best = Math.min(best, wordStartAnywhere(text, t) ? 1 : 2);
            }
        }
        return best;
    }

    private static boolean wordStartAnywhere(String text, String t) {
        for (int at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) {
            if (wordStart(text, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordStart(String text, int at) {
        return at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
    }

    /** In layer order (infra, framework), by label within a layer. */
    public List<Cause> all() {
        return causes;
    }

    /** The labels, for an autocompleting text field. */
    public List<String> labels() {
        return causes.stream().map(Cause::label).toList();
    }

    /** The known cause {@code typed} names by its id or (ignoring case) its label; empty for any other text. */
    public Optional<Cause> known(String typed) {
        String t = typed == null ? "" : typed.trim();
        return causes.stream().filter(c -> c.id().equals(t) || c.label().equalsIgnoreCase(t)).findFirst();
    }

    /**
     * What the user typed, as a cause: a known id or label (with its layer), else a new id made from the text, in
     * {@code layerForNew}. Empty for a blank text.
     */
    public Optional<Cause> parse(String typed, Layer layerForNew) {
        String t = typed == null ? "" : typed.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Cause> known = known(t);
        if (known.isPresent()) {
            return known;
        }
        String id = CauseCatalog.idOf(t);
        return id.isEmpty() ? Optional.empty() : Optional.of(Cause.of(id, layerForNew));
    }
}
