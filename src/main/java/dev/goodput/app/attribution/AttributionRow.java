package dev.goodput.app.attribution;

import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.chart.timeline.FaultText;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.HumanFormat;

import java.util.Objects;

/**
 * One row of the attribution table: a lost piece of the attributed partition, or a fault event with the role an
 * analyst gave it. Exactly one of {@code piece} and {@code fault} is set. The texts are worked out when the rows
 * are built (they need the overlay and the run), so the table only reads them.
 *
 * @param piece      the lost piece, or null for a fault row
 * @param fault      the fault, or null for an interval row
 * @param role       the fault's role, or null (always null for an interval row)
 * @param message    the words of the record that decided the piece, or the fault's message; may be empty
 * @param assignedBy "importer", "rule &lt;name&gt;" or "you"; empty for a fault row
 * @param note       the user tag's note, or the fault role's note; may be empty
 * @param roleText   "root cause", "cascade of …", "teardown", or empty
 * @param link       the fault's place among roots and cascades (the derivation's, or its role's); null for an
 *                   interval row
 */
public record AttributionRow(AttributedInterval piece, FaultEvent fault, FaultRole role, String message,
                             String assignedBy, String note, String roleText, FaultLinks.Link link) {
    public static final String IMPORTER = "importer";
    public static final String YOU = "you";

    public AttributionRow {
        if ((piece == null) == (fault == null)) {
            throw new IllegalArgumentException("a row is either a lost piece or a fault");
        }
        if (piece != null && !piece.lost()) {
            throw new IllegalArgumentException("productive time has no row");
        }
        message = Objects.requireNonNullElse(message, "");
        assignedBy = Objects.requireNonNullElse(assignedBy, "");
        note = Objects.requireNonNullElse(note, "");
        roleText = Objects.requireNonNullElse(roleText, "");
    }

    static AttributionRow ofPiece(AttributedInterval piece, String message, String assignedBy, String note) {
        return new AttributionRow(piece, null, null, message, assignedBy, note, "", null);
    }

    static AttributionRow ofFault(FaultEvent fault, FaultRole role, String roleText, FaultLinks.Link link) {
        return new AttributionRow(null, fault, role, fault.message(), "", role == null ? "" : role.note(),
                roleText, link);
    }

    /** How a fault is referred to by roles: its record's {@code file:line} and its time. */
    public static FaultRole.FaultRef refOf(FaultEvent f) {
        return FaultLinks.refOf(f);
    }

    public boolean isFault() {
        return fault != null;
    }

    public long startUs() {
        return isFault() ? fault.timeUs() : piece.startUs();
    }

    /** Faults are instants. */
    public long endUs() {
        return isFault() ? fault.timeUs() : piece.endUs();
    }

    public long durationUs() {
        return endUs() - startUs();
    }

    /** The piece's cause, or the fault's reported cause, in the layer it costs (its own, else its cause's). */
    public Cause cause() {
        if (isFault()) {
            String id = fault.cause() == null || fault.cause().isBlank() ? "unknown" : fault.cause();
            return Cause.of(id, fault.costLayer());
        }
        return piece.cause();
    }

    public Layer layer() {
        return cause().layer();
    }

    public boolean unattributed() {
        return !isFault() && CauseCatalog.UNATTRIBUTED_DOWNTIME.id().equals(piece.cause().id());
    }

    /** The input record's {@code file:line}; empty when none decided it. */
    public String source() {
        Source s = record();
        return s == null ? "" : s.toString();
    }

    /** The input record that decided the row (a fault's own line), or null when none did (derived time). */
    public Source record() {
        Source s = isFault() ? fault.source() : piece.interval().source();
        return s == null || s.equals(Source.DERIVED) ? null : s;
    }

    /** The record as the table shows it: its file's name and line ("slurm-2002.out:27"); empty when none. */
    public String sourceText() {
        return FaultText.where(record());
    }

    /** The rule that classified a fault (or why none did); empty for an interval row. */
    public String ruleText() {
        return isFault() ? FaultText.rule(fault) : "";
    }

    /**
     * For a cascade its root ("NCCL Watchdog Timeouts at 2024-05-01 10:23:30 UTC (slurm-2002.out:27)"), for a root
     * its cascades ("root of 2 cascades"); empty for other rows. The analyst's role, when set, decides.
     */
    public String rootText() {
        if (link == null) {
            return "";
        }
        return switch (link.kind()) {
            case CASCADE -> FaultText.root(link);
            case ROOT -> FaultText.link(link);
            case TEARDOWN, UNLINKED -> "";
        };
    }

    /** The root of a cascade (by the derivation or the analyst's role), or null. */
    public FaultRole.FaultRef rootRef() {
        return link == null ? null : link.rootRef();
    }

    public FaultRole.FaultRef faultRef() {
        if (!isFault()) {
            throw new IllegalStateException("not a fault row");
        }
        return refOf(fault);
    }

    /** "2022-03-21 12:34:34 UTC". */
    public String timeText() {
        return HumanFormat.clock(startUs());
    }

    /** "7 h 18 min"; empty for a fault. */
    public String durationText() {
        return isFault() ? "" : DurationText.format(durationUs());
    }
}
