package dev.goodput.core.attribution;

import dev.goodput.core.derive.CauseLedger;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.derive.ReliabilityCalculator;
import dev.goodput.core.derive.ReportBuilder;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.GoodputReport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The attribution semantics written out the slow, obvious way, as an oracle for the property test: every
 * base interval, every rule and every tag, no indexes, no sweep, no incremental anything.
 */
final class NaiveAttribution {
    private NaiveAttribution() {
    }

    static List<AttributedInterval> pieces(Derivation base, Overlay o) {
        Map<Source, String> messages = new HashMap<>();
        for (FaultEvent f : base.run().faults()) {
            if (f.source().line() > 0) {
                messages.putIfAbsent(f.source(), f.message());
            }
        }
        for (Phase p : base.run().phases()) {
            if (p.source().line() > 0) {
                messages.putIfAbsent(p.source(), p.name());
            }
        }
        List<AttributedInterval> out = new ArrayList<>();
        for (int i = 0; i < base.intervals().size(); i++) {
            Interval iv = base.intervals().get(i);
            if (iv.productive()) {
                out.add(new AttributedInterval(iv, Assignment.IMPORTER, i));
                continue;
            }
            TreeSet<Long> cuts = new TreeSet<>(List.of(iv.startUs(), iv.endUs()));
            for (Rule r : o.rules()) {
                cuts.add(r.fromUs());
                cuts.add(r.toUs());
            }
            for (Tag t : o.tags()) {
                cuts.add(t.startUs());
                cuts.add(t.endUs());
            }
            List<Long> c = new ArrayList<>(cuts.subSet(iv.startUs(), true, iv.endUs(), true));
            List<AttributedInterval> mine = new ArrayList<>();
            for (int s = 0; s + 1 < c.size(); s++) {
                long a = c.get(s);
                long b = c.get(s + 1);
                Cause cause = ((IntervalState.Lost) iv.state()).cause();
                Assignment by = Assignment.IMPORTER;
                for (Rule r : o.rules()) {
                    if (r.enabled() && r.fromUs() <= a && b <= r.toUs() && selects(r, iv.source(), messages)) {
                        cause = cause(r.cause(), r.layer());
                        by = new Assignment.ByRule(r.id());
                    }
                }
                for (Tag t : o.tags()) {
                    if (t.startUs() <= a && b <= t.endUs()
                            && (t.onlyCause() == null || t.onlyCause().equals(cause.id()))) {
                        cause = cause(t.cause(), t.layer());
                        by = new Assignment.ByUser(t.id());
                    }
                }
                AttributedInterval last = mine.isEmpty() ? null : mine.get(mine.size() - 1);
                if (last != null && last.cause().equals(cause) && last.assignedBy().equals(by)) {
                    mine.set(mine.size() - 1, piece(iv, last.startUs(), b, cause, by, i));
                } else {
                    mine.add(piece(iv, a, b, cause, by, i));
                }
            }
            out.addAll(mine);
        }
        return out;
    }

    static GoodputReport report(Derivation base, Overlay o) {
        List<AttributedInterval> pieces = pieces(base, o);
        List<Interval> intervals = pieces.stream().map(AttributedInterval::interval).toList();
        Function<ReliabilityCalculator.Disruption, String> causeOf = d -> {
            for (AttributedInterval p : pieces) {
                Interval imported = base.intervals().get(p.baseIndex());
                if (p.startUs() <= d.atUs() && d.atUs() < p.endUs()) {
                    boolean decided = imported.source().equals(d.source()) && !imported.productive()
                            && ((IntervalState.Lost) imported.state()).cause().id().equals(d.cause().id());
                    return decided ? p.cause().id() : d.cause().id();
                }
            }
            return d.cause().id();
        };
        return ReportBuilder.reattributing(base.report()).build(
                CauseLedger.of(intervals, base.report().accelerators()),
                ReliabilityCalculator.compute(base.attempts(), base.window(),
                        ReliabilityCalculator.disruptions(base.attempts(), base.window()), causeOf,
                        (from, to, causeId) -> {
                            long lost = 0;
                            for (AttributedInterval p : pieces) {
                                if (!p.interval().productive() && p.cause().id().equals(causeId)) {
                                    lost += Math.max(0, Math.min(to, p.endUs()) - Math.max(from, p.startUs()));
                                }
                            }
                            return lost;
                        }),
                pieces.size());
    }

    private static boolean selects(Rule r, Source s, Map<Source, String> messages) {
        if (s.equals(Source.DERIVED)) {
            return false;
        }
        String file = s.file().substring(Math.max(s.file().lastIndexOf('/'), s.file().lastIndexOf('\\')) + 1);
        return (r.messagePattern() == null
                || Pattern.compile(r.messagePattern()).matcher(messages.getOrDefault(s, "")).find())
                && (r.sourcePattern() == null || Pattern.compile(r.sourcePattern()).matcher(file).find());
    }

    private static Cause cause(String id, Layer layer) {
        return Cause.of(id, layer == Layer.MODEL ? Layer.FRAMEWORK : layer);
    }

    private static AttributedInterval piece(Interval iv, long a, long b, Cause c, Assignment by, int i) {
        return new AttributedInterval(new Interval(a, b, new IntervalState.Lost(c), iv.acceleratorsInUse(),
                iv.source(), iv.hotSpares()), by, i);
    }
}
