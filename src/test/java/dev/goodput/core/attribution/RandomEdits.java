package dev.goodput.core.attribution;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.Layer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random edits of every kind against the current state of an attribution, with ranges that start and end
 * inside, at and across the run's lost intervals, and causes in every layer.
 */
public final class RandomEdits {
    private record CauseChoice(String id, Layer layer) {
    }

    private static final List<CauseChoice> CAUSES = List.of(new CauseChoice("faulty_gpu", Layer.INFRA),
            new CauseChoice("checkpoint_restore", Layer.FRAMEWORK), new CauseChoice("queue", Layer.INFRA),
            new CauseChoice("untracked", Layer.FRAMEWORK), new CauseChoice("gpu_idle", Layer.MODEL),
            new CauseChoice("unattributed_downtime", Layer.INFRA));
    private static final List<String> ONLY = new ArrayList<>(List.of("unattributed_downtime", "faulty_gpu",
            "faulty_gpu", "checkpoint_save"));
    private static final List<String> MESSAGES = new ArrayList<>(List.of("GPU", "stuck|hanging", "eval", "^$"));
    private static final List<String> FILES = new ArrayList<>(List.of("run\\.jsonl", "nothing-matches"));

    static {
        ONLY.add(null);
        MESSAGES.add(null);
        FILES.add(null);
    }

    private final SplittableRandom r;
    private final Derivation base;
    private final IncrementalAttribution attribution;
    private final List<Integer> lost = new ArrayList<>();
    private int ids;

    public RandomEdits(SplittableRandom r, Derivation base, IncrementalAttribution attribution) {
        this.r = r;
        this.base = base;
        this.attribution = attribution;
        for (int i = 0; i < base.intervals().size(); i++) {
            if (!base.intervals().get(i).productive()) {
                lost.add(i);
            }
        }
    }

    /**
     * One step of a random session on {@code history}: now and then two edits at once (changes far apart), then a
     * new edit, an undo or a redo.
     */
    public void step(EditHistory history) {
        if (r.nextInt(3) == 0) {
            history.apply(next());
        }
        int what = r.nextInt(10);
        if (what < 7 || !history.canUndo()) {
            history.apply(next());
        } else if (what < 9) {
            history.undo();
        } else if (history.canRedo()) {
            history.redo();
        }
    }

    public Edit next() {
        Overlay o = attribution.overlay();
        Tagging tagging = new Tagging(attribution::overlay, () -> "t" + ++ids);
        int kind = r.nextInt(11);
        CauseChoice c = CAUSES.get(r.nextInt(CAUSES.size()));
        if (kind == 1 && !o.tags().isEmpty()) {
            return new Edit.RemoveTag(o.tags().get(r.nextInt(o.tags().size())).id());
        }
        if (kind == 2 && !o.tags().isEmpty()) {
            Tag old = o.tags().get(r.nextInt(o.tags().size()));
            long[] range = range();
            return new Edit.ReplaceTag(new Tag(old.id(), range[0], range[1], c.id(), c.layer(), pick(ONLY), ""));
        }
        if (kind == 3) {
            return new Edit.AddRule(rule("r" + ++ids, true));
        }
        if (kind == 4 && !o.rules().isEmpty()) {
            Rule old = o.rules().get(r.nextInt(o.rules().size()));
            return r.nextBoolean() ? tagging.toggleRule(old.id()) : new Edit.ReplaceRule(rule(old.id(), old.enabled()));
        }
        if (kind == 5 && !o.rules().isEmpty()) {
            return new Edit.RemoveRule(o.rules().get(r.nextInt(o.rules().size())).id());
        }
        AttributedInterval row = lostRow();
        if (kind == 6 && row.endUs() - row.startUs() > 1) {
            return tagging.split(row, row.startUs() + 1 + r.nextLong(row.endUs() - row.startUs() - 1));
        }
        if (kind == 7) {
            List<AttributedInterval> next = attribution.intervalsIn(row.endUs(), row.endUs() + 1);
            if (!next.isEmpty() && next.get(0).lost()) {
                return tagging.merge(row, next.get(0));
            }
        }
        if (kind == 8) {
            return tagging.tagRows(List.of(row, lostRow()).stream().distinct().toList(), c.id(), c.layer(), "");
        }
        if (kind == 9) {
            return tagging.tag(row, c.id(), c.layer(), "");
        }
        long[] range = range();
        return new Edit.AddTag(new Tag("t" + ++ids, range[0], range[1], c.id(), c.layer(), pick(ONLY), ""));
    }

    private Rule rule(String id, boolean enabled) {
        CauseChoice c = CAUSES.get(r.nextInt(CAUSES.size()));
        long[] range = r.nextBoolean() ? new long[]{Long.MIN_VALUE, Long.MAX_VALUE} : range();
        return new Rule(id, id, pick(MESSAGES), pick(FILES), range[0], range[1], c.id(), c.layer(), enabled);
    }

    /** From somewhere in or at the edge of a lost interval, over up to a few intervals' worth of time. */
    private long[] range() {
        Interval iv = base.intervals().get(lost.get(r.nextInt(lost.size())));
        long start = switch (r.nextInt(3)) {
            case 0 -> iv.startUs();
            case 1 -> iv.startUs() + r.nextLong(iv.durationUs());
            default -> iv.startUs() - r.nextLong(1 + iv.durationUs());
        };
        long length = switch (r.nextInt(3)) {
            case 0 -> iv.endUs() - start;
            case 1 -> 1 + r.nextLong(Math.max(1, iv.durationUs()));
            default -> 1 + r.nextLong(1 + 20 * iv.durationUs());
        };
        return new long[]{start, start + Math.max(1, length)};
    }

    private AttributedInterval lostRow() {
        Interval iv = base.intervals().get(lost.get(r.nextInt(lost.size())));
        List<AttributedInterval> pieces = attribution.intervalsIn(iv.startUs(), iv.endUs());
        return pieces.get(r.nextInt(pieces.size()));
    }

    private <T> T pick(List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
