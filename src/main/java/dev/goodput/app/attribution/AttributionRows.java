package dev.goodput.app.attribution;

import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.AttributedPartition;
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
        session.revisionProperty().addListener((o, was, now) -> refresh());
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

    /**
     * The indices in {@link #rows()} of the shown rows of this kind starting at {@code startUs}, ascending: found by
     * binary search while the rows are in time order (unsorted), else by a pass over them (a caller with many rows
     * to find in a sorted table makes one pass of its own instead).
     */
    public List<Integer> indicesOf(boolean fault, long startUs) {
        List<Integer> out = new ArrayList<>();
        int from = sorted.getComparator() == null ? firstFrom(sorted, startUs) : 0;
        for (int i = from; i < sorted.size(); i++) {
            AttributionRow r = sorted.get(i);
            if (r.startUs() == startUs && r.isFault() == fault) {
                out.add(i);
            } else if (sorted.getComparator() == null && r.startUs() > startUs) {
                break;
            }
        }
        return out;
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

    // ---- following the session ----

    /** The pieces, base, overlay and fault rows the rows were made of last: what the next change is told from. */
    private AttributedPartition shownPieces;
    private Derivation shownBase;
    private Overlay shownOverlay = Overlay.EMPTY;
    private List<AttributionRow> faultRows = List.of();
    /** Rows per cause (lost pieces and faults), for the cause filter's list without a pass over the rows. */
    private final Map<Cause, Integer> rowsPerCause = new HashMap<>();

    /**
     * Above this many rows changed, replacing the list whole is cheaper than changing it row by row (a sorted view
     * pays for each changed row with a pass over its mapping).
     */
    static final int MOST_CHANGED_ROWS = 2_000;

    /** After a change of the session: the rows an edit changed, in place, else all of them rebuilt. */
    private void refresh() {
        if (!session.isLoaded() || !followEdit()) {
            rebuild();
        }
    }

    private void rebuild() {
        shownPieces = null;
        shownBase = null;
        shownOverlay = Overlay.EMPTY;
        faultRows = List.of();
        rowsPerCause.clear();
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
        List<AttributionRow> faults = faultRows(base, overlay);
        List<AttributionRow> out = merged(lostRows(Labels.of(overlay), session.rows()), faults);
        unattributedUs = 0;
        out.forEach(r -> count(r, 1));
        rebuilding = true;
        try {
            all.setAll(out);
        } finally {
            rebuilding = false;
        }
        shownPieces = session.attribution().intervals();
        shownBase = base;
        shownOverlay = overlay;
        faultRows = faults;
        setCausesInRows(out.stream().map(AttributionRow::cause).toList());
        updateTexts();
        rebuilt.set(rebuilt.get() + 1);
    }

    /**
     * Changes only the rows of the pieces that differ from those shown (the edit's footprint), of the tags whose
     * note changed, and of the faults whose role changed, each in its place, so a table of a million rows follows
     * an edit in time of the edit's size. False (nothing changed) when the change is not one edit of the rows
     * shown, or too large, or the table is sorted by a column: then they are rebuilt.
     */
    private long editsFollowed;

    private boolean followEdit() {
        Derivation base = session.base();
        Overlay overlay = session.overlayProperty().get();
        AttributedPartition pieces = session.attribution().intervals();
        // A column sort places a changed row among its equals where a fresh sort would not (there, in time order).
        if (shownPieces == null || base != shownBase || sorted.getComparator() != null
                || renamedRule(shownOverlay, overlay)) {
            return false;
        }
        Optional<List<AttributedPartition.Difference>> diff = AttributedPartition.differences(shownPieces, pieces);
        if (diff.isEmpty()) {
            return false;
        }
        List<long[]> spans = new ArrayList<>();
        int changed = 0;
        for (AttributedPartition.Difference d : diff.get()) {
            spans.add(new long[]{pieces.get(d.newFrom()).startUs(), pieces.get(d.newTo() - 1).endUs()});
            changed += Math.max(d.oldTo() - d.oldFrom(), d.newTo() - d.newFrom());
        }
        spans.addAll(renotedTags(shownOverlay, overlay));
        List<AttributionRow> faults = overlay.faultRoles().equals(shownOverlay.faultRoles()) ? faultRows
                : faultRows(base, overlay);
        if (changedRows(changed, spans, faults) > MOST_CHANGED_ROWS) {
            return false;
        }
        causeChoices.set(session.causeChoices());
        rebuilding = true;
        try {
            Labels labels = Labels.of(overlay);
            for (long[] span : spans) {
                replaceSpan(span[0], span[1], labels);
            }
            if (faults != faultRows) {
                replaceFaults(faults);
            }
        } finally {
            rebuilding = false;
        }
        shownPieces = pieces;
        shownOverlay = overlay;
        setCausesInRows(causesOfRows());
        updateTexts();
        editsFollowed++;
        rebuilt.set(rebuilt.get() + 1);
        return true;
    }

    /** How many edits were followed in place rather than by a whole rebuild (for tests). */
    long editsFollowed() {
        return editsFollowed;
    }

    /** An upper bound of the rows a change replaces. */
    private int changedRows(int pieces, List<long[]> spans, List<AttributionRow> faults) {
        int n = pieces;
        for (long[] span : spans) {
            n += firstRowFrom(span[1]) - firstRowFrom(span[0]);
        }
        return n + (faults == faultRows ? 0 : faults.size());
    }

    /** A rule's name is in the rows it assigned, which keep their pieces when only the name changed. */
    private static boolean renamedRule(Overlay before, Overlay after) {
        Map<String, String> names = new HashMap<>();
        before.rules().forEach(r -> names.put(r.id(), r.name()));
        for (Rule r : after.rules()) {
            String was = names.get(r.id());
            if (was != null && !was.equals(r.name())) {
                return true;
            }
        }
        return false;
    }

    /** The time of the tags whose note changed (their pieces may be the same; the rows show the note). */
    private static List<long[]> renotedTags(Overlay before, Overlay after) {
        Map<String, Tag> was = new HashMap<>();
        before.tags().forEach(t -> was.put(t.id(), t));
        List<long[]> out = new ArrayList<>();
        for (Tag t : after.tags()) {
            Tag old = was.get(t.id());
            if (old != null && !old.note().equals(t.note())) {
                out.add(new long[]{Math.min(old.startUs(), t.startUs()), Math.max(old.endUs(), t.endUs())});
            }
        }
        return out;
    }

    /** Makes the rows starting in [fromUs, toUs) those of the pieces starting there now, faults kept in place. */
    private void replaceSpan(long fromUs, long toUs, Labels labels) {
        int from = firstRowFrom(fromUs);
        int to = firstRowFrom(toUs);
        List<AttributedInterval> now = new ArrayList<>();
        for (AttributedInterval p : session.attribution().intervalsIn(fromUs, toUs)) {
            if (p.startUs() >= fromUs) {
                now.add(p);
            }
        }
        List<AttributionRow> old = new ArrayList<>(all.subList(from, to));
        List<AttributionRow> kept = old.stream().filter(AttributionRow::isFault).toList();
        List<AttributionRow> next = merged(lostRows(labels, now), kept);
        if (next.equals(old)) {
            return;
        }
        old.forEach(r -> count(r, -1));
        next.forEach(r -> count(r, 1));
        if (next.size() == old.size()) {
            for (int i = 0; i < next.size(); i++) {
                if (!next.get(i).equals(old.get(i))) {
                    all.set(from + i, next.get(i));
                }
            }
        } else {
            all.remove(from, to);
            all.addAll(from, next);
        }
    }

    /** Puts the faults' new rows (their roles changed) in place of their old ones. */
    private void replaceFaults(List<AttributionRow> faults) {
        List<AttributionRow> next = new ArrayList<>(faults);
        for (int k = 0; k < next.size(); k++) {
            AttributionRow was = faultRows.get(k);
            AttributionRow now = next.get(k);
            if (was.equals(now)) {
                next.set(k, was); // the row shown stays
                continue;
            }
            for (int i = firstRowFrom(was.startUs()); i < all.size(); i++) {
                if (all.get(i) == was) {
                    count(was, -1);
                    count(now, 1);
                    all.set(i, now);
                    break;
                }
            }
        }
        faultRows = next;
    }

    private void count(AttributionRow r, int sign) {
        if (r.unattributed()) {
            unattributedUs += sign * r.durationUs();
        }
        rowsPerCause.merge(r.cause(), sign, (a, b) -> a + b == 0 ? null : a + b);
    }

    /**
     * The causes of the rows, once each by id: the one cause of an id, else (an id in two layers: rare) the first
     * in time order, as a pass over the rows gives.
     */
    private List<Cause> causesOfRows() {
        Map<String, Integer> variants = new HashMap<>();
        rowsPerCause.keySet().forEach(c -> variants.merge(c.id(), 1, Integer::sum));
        if (variants.values().stream().anyMatch(n -> n > 1)) {
            return all.stream().map(AttributionRow::cause).toList();
        }
        return new ArrayList<>(rowsPerCause.keySet());
    }

    /** The first row (in time order) starting at or after {@code t}. */
    private int firstRowFrom(long t) {
        return firstFrom(all, t);
    }

    /** The first of {@code rows} (in time order) starting at or after {@code t}. */
    private static int firstFrom(List<AttributionRow> rows, long t) {
        int lo = 0;
        int hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rows.get(mid).startUs() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True while the rows are being replaced (a selection emptied then is not the user's doing). */
    public boolean isRebuilding() {
        return rebuilding;
    }

    /** Counts rebuilds of the rows (after every edit, undo and redo). */
    public ReadOnlyLongProperty rebuiltProperty() {
        return rebuilt.getReadOnlyProperty();
    }

    /** An overlay's tags and rules by id, made once per rebuild or edit, not once per changed span. */
    private record Labels(Map<String, Tag> tags, Map<String, Rule> rules) {
        static Labels of(Overlay overlay) {
            Map<String, Tag> tags = new HashMap<>();
            overlay.tags().forEach(t -> tags.put(t.id(), t));
            Map<String, Rule> rules = new HashMap<>();
            overlay.rules().forEach(r -> rules.put(r.id(), r));
            return new Labels(tags, rules);
        }
    }

    private List<AttributionRow> lostRows(Labels labels, List<AttributedInterval> pieces) {
        Map<String, Tag> tags = labels.tags();
        Map<String, Rule> rules = labels.rules();
        IncrementalAttribution attribution = session.attribution(); // also knows what each record said
        List<AttributionRow> out = new ArrayList<>();
        for (AttributedInterval p : pieces) {
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

    /** @param inRows the rows' causes, an id's first in time order first */
    private void setCausesInRows(List<Cause> inRows) {
        Map<String, Cause> byId = new LinkedHashMap<>();
        for (Cause c : inRows) {
            byId.putIfAbsent(c.id(), c);
        }
        List<Cause> causes = new ArrayList<>(byId.values());
        causes.sort(Comparator.comparing(Cause::layer).thenComparing(c -> c.label().toLowerCase(Locale.ROOT))
                .thenComparing(Cause::id));
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
        // Faults are few: count them, and the pieces are the rest (no pass over a million rows per change).
        int faults = faultRows.size();
        int pieces = all.size() - faults;
        Predicate<? super AttributionRow> p = filtered.getPredicate();
        int shownFaults = p == null ? faults : (int) faultRows.stream().filter(p).count();
        int shownPieces = filtered.size() - shownFaults;
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
