package dev.goodput.core.derive;

import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;

/** Reads figures out of a report by cause id, for assertions. */
final class ReportLookup {
    private ReportLookup() {
    }

    /** Seconds lost to a cause (0 when the cause does not appear). */
    static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }
}
