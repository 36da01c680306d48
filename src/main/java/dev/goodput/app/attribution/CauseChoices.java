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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The causes offered when tagging: the taxonomy, then causes already used in the run (imported, tagged or in a
 * rule), each once. What a user types is read back as a cause: an id, a label, or a new name made an id
 * ("Bad PSU" → {@code bad_psu}).
 */
public final class CauseChoices {

    private final List<Cause> causes;

    private CauseChoices(List<Cause> causes) {
        this.causes = List.copyOf(causes);
    }

    /** The taxonomy and the causes of {@code report} (may be null) and {@code overlay}. */
    public static CauseChoices of(GoodputReport report, Overlay overlay) {
        Map<String, Cause> byId = new LinkedHashMap<>();
        for (Cause c : CauseCatalog.taxonomy()) {
            byId.putIfAbsent(c.id(), c);
        }
        if (report != null) {
            for (CauseShare s : report.badput()) {
                if (s.layer() != Layer.MODEL) { // model-layer causes are measured, never tagged
                    byId.putIfAbsent(s.cause(), Cause.of(s.cause(), s.layer()));
                }
            }
        }
        for (Tag t : overlay.tags()) {
            byId.putIfAbsent(t.cause(), Cause.of(t.cause(), t.layer()));
        }
        for (Rule r : overlay.rules()) {
            byId.putIfAbsent(r.cause(), Cause.of(r.cause(), r.layer()));
        }
        List<Cause> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Cause::layer).thenComparing(c -> c.label().toLowerCase(Locale.ROOT)));
        return new CauseChoices(all);
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
