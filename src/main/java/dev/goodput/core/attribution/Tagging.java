package dev.goodput.core.attribution;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What analysts do on the timeline and the interval table, as edits to apply through an {@link EditHistory}:
 * tag an interval or a range, tag several rows at once, split an interval, merge two, switch a rule. A row
 * that is exactly one user tag is re-tagged by replacing that tag, so re-labelling does not pile up tags.
 */
public final class Tagging {
    private final Supplier<Overlay> overlay;
    private final Supplier<String> newId;

    /**
     * @param overlay the overlay edits will apply to (e.g. {@code history.attribution()::overlay})
     * @param newId   gives each new tag an id no other tag has
     */
    public Tagging(Supplier<Overlay> overlay, Supplier<String> newId) {
        this.overlay = overlay;
        this.newId = newId;
    }

    public static Tagging withRandomIds(Supplier<Overlay> overlay) {
        return new Tagging(overlay, () -> UUID.randomUUID().toString());
    }

    /** Attributes one row (a lost piece) to {@code cause} in {@code layer}. */
    public Edit tag(AttributedInterval row, String cause, Layer layer, String note) {
        requireLost(row);
        Optional<Tag> own = ownTag(row);
        if (own.isPresent()) {
            Tag t = own.get();
            return new Edit.ReplaceTag(new Tag(t.id(), t.startUs(), t.endUs(), cause, layer, null, note));
        }
        return new Edit.AddTag(new Tag(newId.get(), row.startUs(), row.endUs(), cause, layer, null, note));
    }

    /** Attributes several rows at once, as one undo step. */
    public Edit tagRows(List<AttributedInterval> rows, String cause, Layer layer, String note) {
        List<Edit> edits = new ArrayList<>();
        for (AttributedInterval row : rows) {
            edits.add(tag(row, cause, layer, note));
        }
        return new Edit.Batch("Tag " + rows.size() + " intervals as " + CauseCatalog.labelFor(cause), edits);
    }

    /**
     * Attributes all lost time in [fromUs, toUs), or with {@code onlyUnattributed} only the time still
     * unattributed downtime there; productive time in the range stays productive.
     */
    public Edit tagRange(long fromUs, long toUs, String cause, Layer layer, boolean onlyUnattributed, String note) {
        return new Edit.AddTag(new Tag(newId.get(), fromUs, toUs, cause, layer,
                onlyUnattributed ? CauseCatalog.UNATTRIBUTED_DOWNTIME.id() : null, note));
    }

    /**
     * Splits a lost row at {@code atUs} into two user tags with its current cause, which can then be
     * re-tagged one by one.
     */
    public Edit split(AttributedInterval row, long atUs) {
        requireLost(row);
        if (atUs <= row.startUs() || atUs >= row.endUs()) {
            throw new IllegalArgumentException("a split must fall inside the interval");
        }
        Cause c = row.cause();
        Optional<Tag> own = ownTag(row);
        String note = own.map(Tag::note).orElse("");
        List<Edit> edits = new ArrayList<>();
        own.ifPresent(t -> edits.add(new Edit.RemoveTag(t.id())));
        edits.add(new Edit.AddTag(new Tag(newId.get(), row.startUs(), atUs, c.id(), c.layer(), null, note)));
        edits.add(new Edit.AddTag(new Tag(newId.get(), atUs, row.endUs(), c.id(), c.layer(), null, note)));
        return new Edit.Batch("Split interval", edits);
    }

    /** Merges two adjacent lost rows into one tag over both, attributed to {@code cause}. */
    public Edit merge(AttributedInterval left, AttributedInterval right, String cause, Layer layer, String note) {
        requireLost(left);
        requireLost(right);
        if (left.endUs() != right.startUs()) {
            throw new IllegalArgumentException("only adjacent intervals can be merged");
        }
        List<Edit> edits = new ArrayList<>();
        ownTag(left).ifPresent(t -> edits.add(new Edit.RemoveTag(t.id())));
        ownTag(right).ifPresent(t -> edits.add(new Edit.RemoveTag(t.id())));
        edits.add(new Edit.AddTag(new Tag(newId.get(), left.startUs(), right.endUs(), cause, layer, null, note)));
        return new Edit.Batch("Merge intervals", edits);
    }

    /** Merges two adjacent lost rows under the left one's cause. */
    public Edit merge(AttributedInterval left, AttributedInterval right) {
        requireLost(left);
        return merge(left, right, left.cause().id(), left.cause().layer(), "");
    }

    /** Switches a rule on or off. */
    public Edit toggleRule(String ruleId) {
        Rule r = overlay.get().rules().stream().filter(x -> x.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + ruleId));
        return new Edit.ReplaceRule(r.withEnabled(!r.enabled()));
    }

    /** The user tag that covers exactly this row and nothing else, unconditionally, if any. */
    private Optional<Tag> ownTag(AttributedInterval row) {
        if (!(row.assignedBy() instanceof Assignment.ByUser by)) {
            return Optional.empty();
        }
        return overlay.get().tags().stream()
                .filter(t -> t.id().equals(by.tagId()) && t.startUs() == row.startUs() && t.endUs() == row.endUs()
                        && t.onlyCause() == null)
                .findFirst();
    }

    private static void requireLost(AttributedInterval row) {
        if (!row.lost()) {
            throw new IllegalArgumentException("productive time is never re-attributed");
        }
    }
}
