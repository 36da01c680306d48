package dev.goodput.app.attribution;

import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.Assignment;
import dev.goodput.core.attribution.Edit;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.HumanFormat;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The attribution table's model: the lost pieces of the attributed partition and the window's faults, in time
 * order, rebuilt whenever the session changes; filters over them; and the table's commands, which make edits
 * through the session's {@link dev.goodput.core.attribution.Tagging} so each is one undo step. Commands never
 * throw at the UI: they return why an edit was refused, or empty when it applied. Call on the FX thread.
 */
public final class AttributionRows {
    private final AttributionSession session;
    private final ObservableList<AttributionRow> all = FXCollections.observableArrayList();
    private final FilteredList<AttributionRow> filtered = new FilteredList<>(all);
    private final SortedList<AttributionRow> sorted = new SortedList<>(filtered);
    private final ObservableList<Cause> causesInRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CauseChoices> causeChoices = new ReadOnlyObjectWrapper<>(this,
            "causeChoices", CauseChoices.of(null, Overlay.EMPTY));
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_RUN);

    private final ObjectProperty<Layer> layerFilter = new SimpleObjectProperty<>(this, "layerFilter");
    private final StringProperty causeFilter = new SimpleStringProperty(this, "causeFilter");
    private final BooleanProperty unattributedOnly = new SimpleBooleanProperty(this, "unattributedOnly");
    private final LongProperty minDurationUs = new SimpleLongProperty(this, "minDurationUs");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    private long unattributedUs;

    static final String NO_RUN = "No run loaded";
    static final String NO_LOST_TIME = "No lost time in this window";
    static final String NO_MATCH = "No rows match the filter";

    public AttributionRows(AttributionSession session) {
        this.session = Objects.requireNonNull(session);
        session.revisionProperty().addListener((o, was, now) -> rebuild());
        for (Observable filter : List.of(layerFilter, causeFilter, unattributedOnly, minDurationUs, search)) {
            filter.addListener(o -> filtered.setPredicate(currentFilter()));
        }
        filtered.addListener((Observable o) -> updateTexts());
        rebuild();
    }

    /**
     * The rows the filters let through, in time order unless sorted: bind its comparator to a table's
     * ({@code rows().comparatorProperty().bind(table.comparatorProperty())}) to let the table sort.
     */
    public SortedList<AttributionRow> rows() {
        return sorted;
    }

    /** Every row, unfiltered, in time order. */
    public List<AttributionRow> allRows() {
        return FXCollections.unmodifiableObservableList(all);
    }

    /** The causes of the rows (lost pieces and faults), once each by id, for a cause filter. */
    public ObservableList<Cause> causesInRows() {
        return FXCollections.unmodifiableObservableList(causesInRows);
    }

    /** What tagging offers: the taxonomy and the causes in use. Replaced after every change. */
    public ReadOnlyObjectProperty<CauseChoices> causeChoicesProperty() {
        return causeChoices.getReadOnlyProperty();
    }

    /** "42 of 310 intervals · 3 of 30 faults · 7.25 h unattributed". */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** What an empty table says: no run, no lost time in the window, or nothing matching the filter. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** Only rows in this layer; null for all. */
    public ObjectProperty<Layer> layerFilterProperty() {
        return layerFilter;
    }

    /** Only rows with this cause id; null for all. */
    public StringProperty causeFilterProperty() {
        return causeFilter;
    }

    /** Only unattributed downtime (faults are hidden then). */
    public BooleanProperty unattributedOnlyProperty() {
        return unattributedOnly;
    }

    /**
     * Only lost pieces at least this long; 0 for all. Faults are instants with no lost time of their own, so this
     * filter leaves them in (the other filters decide).
     */
    public LongProperty minDurationUsProperty() {
        return minDurationUs;
    }

    /**
     * Text searched, ignoring case, in the cause's label and id, the source, the message, the note and a fault's
     * rule.
     */
    public StringProperty searchProperty() {
        return search;
    }

    public void clearFilters() {
        layerFilter.set(null);
        causeFilter.set(null);
        unattributedOnly.set(false);
        minDurationUs.set(0);
        search.set("");
    }

    /** Whether any filter hides rows. */
    public boolean filtering() {
        return currentFilter() != null;
    }

    // ---- commands ----

    /**
     * Attributes the lost pieces among {@code rows} to {@code cause} (its id, in its layer), as one undo step;
     * fault rows in the selection are left alone.
     */
    public Optional<String> tag(List<AttributionRow> rows, Cause cause, String note) {
        List<AttributedInterval> pieces = pieces(rows);
        if (pieces.isEmpty()) {
            return Optional.of("Select lost intervals to tag.");
        }
        return apply(() -> pieces.size() == 1
                ? session.tagging().tag(pieces.get(0), cause.id(), cause.layer(), note)
                : session.tagging().tagRows(pieces, cause.id(), cause.layer(), note));
    }

    /** As {@link #tag(List, Cause, String)}, with only the unattributed rows when the request asks so. */
    public Optional<String> tag(List<AttributionRow> rows, TagRequest request) {
        List<AttributionRow> chosen = request.onlyUnattributed()
                ? rows.stream().filter(AttributionRow::unattributed).toList() : rows;
        if (chosen.isEmpty() && !rows.isEmpty()) {
            return Optional.of("None of the selected rows is unattributed downtime.");
        }
        return tag(chosen, request.cause(), request.note());
    }

    /** Gives one lost piece another cause (in that cause's layer), keeping its note. */
    public Optional<String> setCause(AttributionRow row, Cause cause) {
        if (row.isFault()) {
            return Optional.of("A fault's reported cause is kept as imported; set its role instead.");
        }
        if (row.cause().equals(cause)) {
            return Optional.empty();
        }
        return apply(() -> session.tagging().tag(row.piece(), cause.id(), cause.layer(), row.note()));
    }

    /** Moves one lost piece's cause to another layer, keeping the cause and the note. */
    public Optional<String> setLayer(AttributionRow row, Layer layer) {
        if (row.isFault()) {
            return Optional.of("A fault's layer is kept as imported.");
        }
        if (layer == null || row.layer() == layer) {
            return Optional.empty();
        }
        return setCause(row, new Cause(row.cause().id(), row.cause().label(), layer));
    }

    /**
     * Sets the note: on a lost piece by tagging it with its current cause and the note, on a fault by setting its
     * role again with the note (a fault needs a role to carry a note).
     */
    public Optional<String> setNote(AttributionRow row, String note) {
        String n = note == null ? "" : note.strip();
        if (n.equals(row.note())) {
            return Optional.empty();
        }
        if (row.isFault()) {
            FaultRole r = row.role();
            if (r == null) {
                return Optional.of("Set the fault's role first; its note goes with the role.");
            }
            return apply(() -> new Edit.SetFaultRole(new FaultRole(r.fault(), r.kind(), r.root(), n)));
        }
        Cause c = row.cause();
        return apply(() -> session.tagging().tag(row.piece(), c.id(), c.layer(), n));
    }

    /** Splits a lost piece at {@code atUs} into two pieces with its cause. */
    public Optional<String> split(AttributionRow row, long atUs) {
        if (row.isFault()) {
            return Optional.of("Only lost intervals can be split.");
        }
        return apply(() -> session.tagging().split(row.piece(), atUs));
    }

    /** As {@link #split(AttributionRow, long)}, at a typed time ("HH:mm:ss" on the row's day, or a full date). */
    public Optional<String> split(AttributionRow row, String typedTime) {
        Optional<Long> at = ClockText.parse(typedTime, row.startUs());
        if (at.isEmpty()) {
            return Optional.of("Type a time as HH:mm:ss (UTC, on the interval's day) or yyyy-MM-dd HH:mm:ss.");
        }
        return split(row, at.get());
    }

    /** Merges two adjacent lost pieces, in either order, under the earlier one's cause and note. */
    public Optional<String> merge(List<AttributionRow> rows) {
        if (rows.size() != 2 || rows.stream().anyMatch(AttributionRow::isFault)) {
            return Optional.of("Select exactly two adjacent lost intervals to merge.");
        }
        AttributionRow a = rows.get(0);
        AttributionRow b = rows.get(1);
        AttributionRow left = a.startUs() <= b.startUs() ? a : b;
        AttributionRow right = left == a ? b : a;
        Cause c = left.cause();
        return apply(() -> session.tagging().merge(left.piece(), right.piece(), c.id(), c.layer(), left.note()));
    }

    /**
     * Sets a fault's role.
     *
     * @param root for {@link FaultRole.Kind#CASCADE}, the root fault's row; otherwise ignored
     */
    public Optional<String> setFaultRole(AttributionRow fault, FaultRole.Kind kind, AttributionRow root,
                                         String note) {
        if (!fault.isFault()) {
            return Optional.of("Roles are for fault rows.");
        }
        if (kind == FaultRole.Kind.CASCADE && (root == null || !root.isFault())) {
            return Optional.of("A cascade needs the root fault it follows from.");
        }
        if (kind == FaultRole.Kind.CASCADE && root.faultRef().equals(fault.faultRef())) {
            return Optional.of("A fault cannot be a cascade of itself.");
        }
        FaultRole.FaultRef rootRef = kind == FaultRole.Kind.CASCADE ? root.faultRef() : null;
        return apply(() -> new Edit.SetFaultRole(new FaultRole(fault.faultRef(), kind, rootRef, note)));
    }

    public Optional<String> clearFaultRole(AttributionRow fault) {
        if (!fault.isFault() || fault.role() == null) {
            return Optional.empty();
        }
        return apply(() -> new Edit.ClearFaultRole(fault.faultRef()));
    }

    // ---- finding rows by time ----

    /**
     * The index in {@link #rows()} of the shown row containing {@code t} (a lost piece over it, or a fault at it),
     * else of the earliest one starting after it; -1 when none.
     */
    public int indexOfTime(long t) {
        int following = -1;
        for (int i = 0; i < sorted.size(); i++) {
            AttributionRow r = sorted.get(i);
            if (contains(r, t)) {
                return i;
            }
            if (r.startUs() > t && (following < 0 || r.startUs() < sorted.get(following).startUs())) {
                following = i;
            }
        }
        return following;
    }

    /**
     * The index to reveal for {@code t}, as {@link #indexOfTime}. When a lost piece contains {@code t} but the
     * filters hide it, the filters are cleared first: the user asked for that interval, and a table scrolled to a
     * neighbour would mislead. Productive time has no row, so its following row is shown, filters kept.
     */
    public int reveal(long t) {
        Predicate<? super AttributionRow> p = filtered.getPredicate();
        if (p != null && all.stream().anyMatch(r -> !r.isFault() && contains(r, t) && !p.test(r))) {
            clearFilters();
        }
        return indexOfTime(t);
    }

    private static boolean contains(AttributionRow r, long t) {
        return r.isFault() ? r.startUs() == t : r.startUs() <= t && t < r.endUs();
    }

    // ---- building ----

    private Optional<String> apply(Supplier<Edit> edit) {
        try {
            session.apply(edit.get());
            return Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static List<AttributedInterval> pieces(List<AttributionRow> rows) {
        return rows.stream().filter(r -> !r.isFault()).map(AttributionRow::piece).toList();
    }

    private boolean rebuilding;
    private final ReadOnlyLongWrapper rebuilt = new ReadOnlyLongWrapper(this, "rebuilt");

    private void rebuild() {
        if (!session.isLoaded()) {
            unattributedUs = 0;
            causeChoices.set(CauseChoices.of(null, Overlay.EMPTY));
            all.clear();
            setCausesInRows(List.of());
            updateTexts();
            return;
        }
        Derivation base = session.base();
        Overlay overlay = session.overlayProperty().get();
        causeChoices.set(session.causeChoices());
        List<AttributionRow> out = merged(lostRows(overlay), faultRows(base, overlay));
        long unattributed = 0;
        for (AttributionRow r : out) {
            if (r.unattributed()) {
                unattributed += r.durationUs();
            }
        }
        unattributedUs = unattributed;
        rebuilding = true;
        try {
            all.setAll(out);
        } finally {
            rebuilding = false;
        }
        setCausesInRows(out);
        updateTexts();
        rebuilt.set(rebuilt.get() + 1);
    }

    /** True while the rows are being replaced (a selection emptied then is not the user's doing). */
    public boolean isRebuilding() {
        return rebuilding;
    }

    /** Counts rebuilds of the rows (after every edit, undo and redo). */
    public ReadOnlyLongProperty rebuiltProperty() {
        return rebuilt.getReadOnlyProperty();
    }

    private List<AttributionRow> lostRows(Overlay overlay) {
        Map<String, Tag> tags = new HashMap<>();
        overlay.tags().forEach(t -> tags.put(t.id(), t));
        Map<String, Rule> rules = new HashMap<>();
        overlay.rules().forEach(r -> rules.put(r.id(), r));
        IncrementalAttribution attribution = session.attribution(); // also knows what each record said
        List<AttributionRow> out = new ArrayList<>();
        for (AttributedInterval p : session.rows()) {
            if (!p.lost()) {
                continue;
            }
            String by;
            String note = "";
            if (p.assignedBy() instanceof Assignment.ByUser u) {
                by = AttributionRow.YOU;
                Tag t = tags.get(u.tagId());
                note = t == null ? "" : t.note();
            } else if (p.assignedBy() instanceof Assignment.ByRule r) {
                Rule rule = rules.get(r.ruleId());
                by = "rule " + (rule == null || rule.name().isBlank() ? r.ruleId() : rule.name());
            } else {
                by = AttributionRow.IMPORTER;
            }
            out.add(AttributionRow.ofPiece(p, attribution.messageOf(p.interval().source()), by, note));
        }
        return out;
    }

    private static List<AttributionRow> faultRows(Derivation base, Overlay overlay) {
        Map<FaultRole.FaultRef, FaultRole> roles = new HashMap<>();
        overlay.faultRoles().forEach(r -> roles.put(r.fault(), r));
        Window w = base.window();
        FaultLinks links = FaultLinks.of(base, overlay.faultRoles());
        List<FaultEvent> faults = base.run().faults().stream()
                .filter(f -> w.contains(f.timeUs()))
                .sorted(Comparator.comparingLong(FaultEvent::timeUs))
                .toList();
        Map<FaultRole.FaultRef, FaultEvent> byRef = new HashMap<>();
        faults.forEach(f -> byRef.put(AttributionRow.refOf(f), f));
        List<AttributionRow> out = new ArrayList<>(faults.size());
        for (FaultEvent f : faults) {
            FaultRole role = roles.get(AttributionRow.refOf(f));
            out.add(AttributionRow.ofFault(f, role, roleText(role, byRef), links.of(f)));
        }
        return out;
    }

    /** "root cause", "cascade of GPU failure at 2022-03-21 12:34:34 UTC (run.jsonl:55)", "teardown", "". */
    static String roleText(FaultRole role, Map<FaultRole.FaultRef, FaultEvent> faults) {
        if (role == null) {
            return "";
        }
        if (role.kind() != FaultRole.Kind.CASCADE) {
            return role.kind().label();
        }
        FaultEvent root = faults.get(role.root());
        String what = root == null || root.cause() == null ? "" : CauseCatalog.labelFor(root.cause()) + " at ";
        return "cascade of " + what + HumanFormat.clock(role.root().timeUs()) + " (" + role.root().source() + ")";
    }

    /** Pieces and faults in time order; a fault comes before a piece starting at its instant (it caused it). */
    private static List<AttributionRow> merged(List<AttributionRow> pieces, List<AttributionRow> faults) {
        List<AttributionRow> out = new ArrayList<>(pieces.size() + faults.size());
        int f = 0;
        for (AttributionRow p : pieces) {
            while (f < faults.size() && faults.get(f).startUs() <= p.startUs()) {
                out.add(faults.get(f++));
            }
            out.add(p);
        }
        out.addAll(faults.subList(f, faults.size()));
        return out;
    }

    private void setCausesInRows(List<AttributionRow> rows) {
        Map<String, Cause> byId = new LinkedHashMap<>();
        for (AttributionRow r : rows) {
            byId.putIfAbsent(r.cause().id(), r.cause());
        }
        List<Cause> causes = new ArrayList<>(byId.values());
        causes.sort(Comparator.comparing(Cause::layer).thenComparing(c -> c.label().toLowerCase(Locale.ROOT)));
        // Only on a change, so a cause filter bound to this list keeps its selection across edits.
        if (!causes.equals(causesInRows)) {
            causesInRows.setAll(causes);
        }
    }

    private Predicate<AttributionRow> currentFilter() {
        Layer layer = layerFilter.get();
        String cause = causeFilter.get();
        boolean unattributed = unattributedOnly.get();
        long min = minDurationUs.get();
        String text = search.get() == null ? "" : search.get().strip();
        if (layer == null && cause == null && !unattributed && min <= 0 && text.isEmpty()) {
            return null;
        }
        return r -> (layer == null || r.layer() == layer)
                && (cause == null || r.cause().id().equals(cause))
                && (!unattributed || r.unattributed())
                && (min <= 0 || r.isFault() || r.durationUs() >= min)
                && (text.isEmpty() || matches(r, text));
    }

    private static boolean matches(AttributionRow r, String text) {
        return containsIgnoreCase(r.cause().label(), text) || containsIgnoreCase(r.cause().id(), text)
                || containsIgnoreCase(r.source(), text) || containsIgnoreCase(r.message(), text)
                || containsIgnoreCase(r.note(), text) || containsIgnoreCase(r.ruleText(), text);
    }

    /** Without lower-casing every row's texts on every keystroke. */
    private static boolean containsIgnoreCase(String haystack, String needle) {
        for (int i = 0, last = haystack.length() - needle.length(); i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    private void updateTexts() {
        int pieces = 0;
        int faults = 0;
        for (AttributionRow r : all) {
            if (r.isFault()) {
                faults++;
            } else {
                pieces++;
            }
        }
        int shownPieces = 0;
        int shownFaults = 0;
        for (AttributionRow r : filtered) {
            if (r.isFault()) {
                shownFaults++;
            } else {
                shownPieces++;
            }
        }
        if (!session.isLoaded()) {
            counts.set("");
            emptyText.set(NO_RUN);
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(shownPieces).append(" of ").append(pieces).append(pieces == 1 ? " interval" : " intervals");
        if (faults > 0) {
            sb.append(" · ").append(shownFaults).append(" of ").append(faults).append(faults == 1 ? " fault" : " faults");
        }
        sb.append(" · ").append(unattributedUs == 0 ? "no" : HumanFormat.duration(unattributedUs / 1e6))
                .append(" unattributed");
        counts.set(sb.toString());
        emptyText.set(all.isEmpty() ? NO_LOST_TIME : NO_MATCH);
    }
}
