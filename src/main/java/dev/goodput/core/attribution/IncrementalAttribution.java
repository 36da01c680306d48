package dev.goodput.core.attribution;

import dev.goodput.core.derive.CauseLedger;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.derive.ReliabilityCalculator;
import dev.goodput.core.derive.ReportBuilder;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.GoodputReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A derivation under an overlay, kept current edit by edit. Each base interval is either as imported or
 * replaced by its attributed pieces; a ledger of accelerator-time per cause follows the pieces. An edit
 * re-attributes only the base intervals in its {@link Footprint} (found by binary search over interval
 * starts, and from each rule's kept selection), updates the ledger by the difference, and re-builds the
 * report from the ledger: no pass over the run. The report equals what {@link #of} gives for the same
 * overlay in one pass, exactly (the ledger's sums are exact), so an undo restores the previous report.
 *
 * <p>Not thread-safe: one owner (the UI thread) edits and reads it.
 */
public final class IncrementalAttribution {
    private final Derivation base;
    private final List<Interval> intervals;
    private final long[] starts;
    /** Base intervals that are lost: the only ones an overlay can change. */
    private final BitSet lost;
    /** Scratch set of the base intervals an edit re-attributes; empty between edits. */
    private final BitSet touched;
    private final RecordTexts texts;
    private final RuleMatcher matcher;
    private final OverlaySweep sweep;
    private final ReportBuilder reports;
    private final List<ReliabilityCalculator.Disruption> disruptions;
    /** Per base interval: its pieces, or null while it is as imported. */
    private final AttributedInterval[][] pieces;
    private final CauseLedger ledger;
    /** Per base interval: the piece it is while as imported (one object, so versions can be told apart by identity). */
    private final AttributedInterval[] imported;
    /** The chunks of the partition published last; those marked in {@link #dirty} are rebuilt for the next. */
    private AttributedInterval[][] chunks;
    private final BitSet dirty;
    private int pieceCount;
    private Overlay overlay;
    private GoodputReport report;
    private AttributedPartition all;

    private IncrementalAttribution(Derivation base, Overlay overlay) {
        this.base = base;
        this.intervals = base.intervals();
        this.starts = new long[intervals.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = intervals.get(i).startUs();
        }
        this.texts = RecordTexts.of(base.run());
        this.matcher = new RuleMatcher(intervals, texts);
        this.sweep = new OverlaySweep(intervals, matcher);
        this.reports = ReportBuilder.reattributing(base.report());
        this.disruptions = ReliabilityCalculator.disruptions(base.attempts(), base.window());
        this.pieces = new AttributedInterval[intervals.size()][];
        this.imported = new AttributedInterval[intervals.size()];
        for (int i = 0; i < imported.length; i++) {
            imported[i] = new AttributedInterval(intervals.get(i), Assignment.IMPORTER, i);
        }
        int chunkCount = (intervals.size() + AttributedPartition.CHUNK - 1) / AttributedPartition.CHUNK;
        this.chunks = new AttributedInterval[chunkCount][];
        this.dirty = new BitSet(chunkCount);
        dirty.set(0, chunkCount);
        this.overlay = overlay;
        this.touched = new BitSet(intervals.size());
        this.lost = new BitSet(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            lost.set(i, !intervals.get(i).productive());
        }
        // Start as imported, then let the overlay re-attribute what it covers, as an edit would.
        this.pieceCount = intervals.size();
        this.ledger = CauseLedger.of(intervals, base.report().accelerators());
        sweep.run(overlay, lost, this::replace);
        this.report = buildReport();
    }

    /** {@code base} under {@code overlay}, attributed in one pass. */
    public static IncrementalAttribution of(Derivation base, Overlay overlay) {
        return new IncrementalAttribution(base, overlay);
    }

    /**
     * Moves to {@code next}, which differs from the current overlay only inside {@code footprint} (as an
     * {@link Edit} reports it, or its undo).
     */
    public void apply(Overlay next, Footprint footprint) {
        for (Tag t : footprint.tags()) {
            int from = firstEndingAfter(t.startUs());
            int to = firstStartingFrom(t.endUs());
            if (from < to) {
                touched.set(from, to);
            }
        }
        for (Rule r : footprint.rules()) {
            for (int i : matcher.matches(r)) {
                touched.set(i);
            }
        }
        touched.and(lost);
        overlay = next;
        sweep.run(next, touched, this::replace);
        touched.clear();
        report = buildReport();
        all = null;
    }

    private void replace(int i, AttributedInterval[] now) {
        AttributedInterval[] before = pieces[i];
        if (Arrays.equals(before, now)) {
            return;
        }
        if (before == null) {
            ledger.remove(intervals.get(i));
        } else {
            for (AttributedInterval p : before) {
                ledger.remove(p.interval());
            }
        }
        if (now == null) {
            ledger.add(intervals.get(i));
        } else {
            for (AttributedInterval p : now) {
                ledger.add(p.interval());
            }
        }
        pieceCount += (now == null ? 1 : now.length) - (before == null ? 1 : before.length);
        pieces[i] = now;
        dirty.set(i / AttributedPartition.CHUNK);
    }

    private GoodputReport buildReport() {
        return reports.build(ledger, ReliabilityCalculator.compute(base.attempts(), base.window(), disruptions,
                this::disruptionCause, this::lostTo), pieceCount);
    }

    /** Wall-clock time in [fromUs, toUs) lost to {@code causeId} now: what MTTR counts of a recovery. */
    private long lostTo(long fromUs, long toUs, String causeId) {
        long total = 0;
        for (int i = firstEndingAfter(fromUs), end = firstStartingFrom(toUs); i < end; i++) {
            if (intervals.get(i).productive()) {
                continue;
            }
            for (AttributedInterval p : piecesOf(i)) {
                if (p.cause().id().equals(causeId)) {
                    total += Math.max(0, Math.min(toUs, p.endUs()) - Math.max(fromUs, p.startUs()));
                }
            }
        }
        return total;
    }

    /**
     * A disruption counts under the cause of the time it decided: when the lost interval at its instant
     * comes from the same record with the same imported cause, that interval's current cause (so a rule or
     * tag re-attributing a fault's downtime moves the fault in MTBF/MTTR per cause too); otherwise its own.
     */
    private String disruptionCause(ReliabilityCalculator.Disruption d) {
        int i = indexAt(d.atUs());
        if (i >= 0 && intervals.get(i).source().equals(d.source())
                && intervals.get(i).state() instanceof IntervalState.Lost imported
                && imported.cause().id().equals(d.cause().id())) {
            return pieceAt(i, d.atUs()).cause().id();
        }
        return d.cause().id();
    }

    public Derivation base() {
        return base;
    }

    public Overlay overlay() {
        return overlay;
    }

    /**
     * Rules disabled in this derivation because their pattern took too long on a message, one line each, naming the
     * pattern; empty when every rule ran.
     */
    public List<String> ruleWarnings() {
        return matcher.warnings();
    }

    public GoodputReport report() {
        return report;
    }

    /** Pieces in the attributed partition. */
    public int size() {
        return pieceCount;
    }

    /**
     * The whole attributed partition, in time order: an immutable version made on first use after an edit, sharing
     * with the one before all but the chunks the edit touched (O(chunks + footprint)).
     */
    public AttributedPartition intervals() {
        if (all == null) {
            AttributedInterval[][] next = chunks.clone();
            for (int j = dirty.nextSetBit(0); j >= 0; j = dirty.nextSetBit(j + 1)) {
                int from = j * AttributedPartition.CHUNK;
                int to = Math.min(pieces.length, from + AttributedPartition.CHUNK);
                List<AttributedInterval> out = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    addPieces(i, out);
                }
                next[j] = out.toArray(new AttributedInterval[0]);
            }
            dirty.clear();
            chunks = next;
            all = new AttributedPartition(next, this);
        }
        return all;
    }

    /** The pieces overlapping [fromUs, toUs), in time order. */
    public List<AttributedInterval> intervalsIn(long fromUs, long toUs) {
        List<AttributedInterval> out = new ArrayList<>();
        for (int i = firstEndingAfter(fromUs), end = firstStartingFrom(toUs); i < end; i++) {
            for (AttributedInterval p : piecesOf(i)) {
                if (p.startUs() < toUs && p.endUs() > fromUs) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * The words of the input record at {@code source} (a fault's message, a phase's name), as rules match them;
     * empty when the record says nothing or no single record decided the time.
     */
    public String messageOf(Source source) {
        return texts.message(source);
    }

    /**
     * Previews of rules being written, on this attribution's grouping of the run (no second pass over it) but
     * with a selection cache of their own, so patterns typed key by key never fill this one's.
     */
    public RulePreview rulePreview() {
        return new RulePreview(intervals, new RuleMatcher(matcher));
    }

    /** The piece containing {@code t}, if {@code t} is in the window. */
    public Optional<AttributedInterval> at(long t) {
        int i = indexAt(t);
        return i < 0 ? Optional.empty() : Optional.of(pieceAt(i, t));
    }

    /** The pieces base interval {@code i} is attributed as (itself, when as imported). */
    private List<AttributedInterval> piecesOf(int i) {
        return pieces[i] == null ? List.of(imported[i]) : List.of(pieces[i]);
    }

    /** The first piece lost to {@code causeId} that starts after {@code t}. */
    public Optional<AttributedInterval> next(long t, String causeId) {
        for (int i = firstEndingAfter(t); i < intervals.size(); i++) {
            if (!intervals.get(i).productive()) {
                for (AttributedInterval p : piecesOf(i)) {
                    if (p.startUs() > t && p.cause().id().equals(causeId)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The last piece lost to {@code causeId} that starts before {@code t}. */
    public Optional<AttributedInterval> previous(long t, String causeId) {
        int from = firstStartingFrom(t) - 1;
        for (int i = from; i >= 0; i--) {
            if (!intervals.get(i).productive()) {
                List<AttributedInterval> ps = piecesOf(i);
                for (int k = ps.size() - 1; k >= 0; k--) {
                    AttributedInterval p = ps.get(k);
                    if (p.startUs() < t && p.cause().id().equals(causeId)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    public Optional<AttributedInterval> nextUnattributed(long t) {
        return next(t, CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
    }

    public Optional<AttributedInterval> previousUnattributed(long t) {
        return previous(t, CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
    }

    /**
     * The attributed partition as a derivation: the pieces as its intervals (a view of {@link #intervals()}) and the
     * re-derived report, so reports, charts and views of it show the attributions.
     */
    public Derivation derivation() {
        return new Derivation(base.run(), base.window(), intervals().asIntervals(), base.attempts(),
                base.slowSteps(), report);
    }

    /** An immutable copy of the current state. */
    public AttributedDerivation snapshot() {
        return new AttributedDerivation(base, overlay, intervals(), report);
    }

    private void addPieces(int i, List<AttributedInterval> out) {
        if (pieces[i] == null) {
            out.add(imported[i]);
        } else {
            out.addAll(Arrays.asList(pieces[i]));
        }
    }

    private AttributedInterval pieceAt(int i, long t) {
        for (AttributedInterval p : piecesOf(i)) {
            if (t < p.endUs()) {
                return p;
            }
        }
        throw new IllegalStateException("pieces of interval " + i + " do not cover " + t);
    }

    /** The base interval containing {@code t}, or -1 outside the window. */
    private int indexAt(long t) {
        int i = lastStartingAtOrBefore(t);
        return i >= 0 && t < intervals.get(i).endUs() ? i : -1;
    }

    /** Starts are distinct (the partition has no empty interval), so a hit is the only interval starting at t. */
    private int lastStartingAtOrBefore(long t) {
        int at = Arrays.binarySearch(starts, t);
        return at >= 0 ? at : -at - 2;
    }

    /** First base interval starting at or after {@code t} (intervals.size() if none). */
    private int firstStartingFrom(long t) {
        int at = Arrays.binarySearch(starts, t);
        return at >= 0 ? at : -at - 1;
    }

    /** First base interval ending after {@code t}: the one containing it, or the next. */
    private int firstEndingAfter(long t) {
        int i = lastStartingAtOrBefore(t);
        return i >= 0 && intervals.get(i).endUs() > t ? i : i + 1;
    }
}
