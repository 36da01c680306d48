package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.Conflict;
import dev.goodput.core.workspace.MergeResult;
import dev.goodput.core.workspace.MergeResult.Side;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settling a merge of a teammate's attributions into yours, without controls: one choice per conflict (yours
 * unless changed), both sides at once, the overlay the choices give, and a summary of what the import brings.
 * Works without a dialog too, for a merge with no conflicts.
 */
public final class MergeViewModel {
    /** One conflict and whose version to keep. */
    public static final class Choice {
        private final Conflict conflict;
        private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.MINE);

        private Choice(Conflict conflict) {
            this.conflict = conflict;
        }

        public Conflict conflict() {
            return conflict;
        }

        /** Where it is and what each side says, e.g. "… UTC: yours faulty_gpu (infra) vs theirs …". */
        public String description() {
            return conflict.describe();
        }

        public ObjectProperty<Side> sideProperty() {
            return side;
        }

        public Side getSide() {
            return side.get();
        }

        public void setSide(Side s) {
            side.set(Objects.requireNonNull(s));
        }
    }

    private final Overlay mine;
    private final MergeResult result;
    private final List<Choice> choices;
    private final ReadOnlyObjectWrapper<Overlay> resolved = new ReadOnlyObjectWrapper<>(this, "resolved");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /**
     * @param mine   your overlay, which the merge started from (to tell what the file brings)
     * @param result {@code OverlayMerge.merge(mine, theirs)}
     */
    public MergeViewModel(Overlay mine, MergeResult result) {
        this.mine = Objects.requireNonNull(mine);
        this.result = Objects.requireNonNull(result);
        List<Choice> cs = new ArrayList<>();
        for (Conflict c : result.conflicts()) {
            Choice choice = new Choice(c);
            choice.side.addListener((obs, was, now) -> {
                if (now == null) { // only the two sides make sense; a cleared choice keeps yours
                    choice.side.set(Side.MINE);
                } else {
                    update();
                }
            });
            cs.add(choice);
        }
        this.choices = List.copyOf(cs);
        update();
    }

    /** One per conflict, in the merge's order. */
    public List<Choice> choices() {
        return choices;
    }

    public boolean hasConflicts() {
        return !choices.isEmpty();
    }

    public void takeAllMine() {
        choices.forEach(c -> c.setSide(Side.MINE));
    }

    public void takeAllTheirs() {
        choices.forEach(c -> c.setSide(Side.THEIRS));
    }

    public Overlay resolved() {
        return resolved.get();
    }

    /** "12 tags and 2 rules come from the file; 3 conflicts, 1 taking theirs". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void update() {
        MergeResult r = result;
        for (Choice c : choices) {
            r = r.resolve(c.conflict(), c.getSide());
        }
        Overlay o = r.merged();
        resolved.set(o);
        summary.set(summaryOf(o));
    }

    private String summaryOf(Overlay o) {
        int tags = added(mine.tags(), o.tags());
        int rules = added(mine.rules(), o.rules());
        int roles = added(mine.faultRoles(), o.faultRoles());
        List<String> parts = new ArrayList<>();
        addCount(parts, tags, "tag");
        addCount(parts, rules, "rule");
        addCount(parts, roles, "fault role");
        String brought;
        if (parts.isEmpty()) {
            brought = "Nothing new comes from the file";
        } else {
            String list = parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
            brought = list + (tags + rules + roles == 1 ? " comes" : " come") + " from the file";
        }
        if (choices.isEmpty()) {
            return brought;
        }
        long theirs = choices.stream().filter(c -> c.getSide() == Side.THEIRS).count();
        return brought + "; " + choices.size() + (choices.size() == 1 ? " conflict" : " conflicts")
                + (theirs == 0 ? "" : ", " + theirs + " taking theirs");
    }

    /** Items of {@code merged} that are not among {@code mine} as they were. */
    private static <T> int added(List<T> mine, List<T> merged) {
        Set<T> had = new HashSet<>(mine);
        return (int) merged.stream().filter(x -> !had.contains(x)).count();
    }

    private static void addCount(List<String> parts, int n, String noun) {
        if (n > 0) {
            parts.add(n + " " + noun + (n == 1 ? "" : "s"));
        }
    }
}
