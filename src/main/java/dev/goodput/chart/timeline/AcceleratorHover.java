package dev.goodput.chart.timeline;

import dev.goodput.core.derive.Interval;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.report.HumanFormat;

import java.util.Locale;

/** The accelerators lane's tooltip: how much of the allocation the interval under the pointer used. */
public final class AcceleratorHover {
    private AcceleratorHover() {
    }

    /** "384 of 416 in use (32 hot spares)", the counted causes, and the interval's times. */
    public static String describe(Interval iv, int capacity) {
        int[] s = AcceleratorColumns.split(iv, capacity);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d in use", s[0], capacity));
        if (s[1] > 0 || s[2] > 0) {
            b.append(" (");
            if (s[1] > 0) {
                b.append(String.format(Locale.ROOT, "%,d hot spare%s", s[1], s[1] == 1 ? "" : "s"));
            }
            if (s[2] > 0) {
                b.append(s[1] > 0 ? ", " : "").append(String.format(Locale.ROOT, "%,d idle", s[2]));
            }
            b.append(")");
        }
        if (s[1] > 0) {
            b.append("\nHot spares count as ").append(CauseCatalog.HOT_SPARES.label()).append(" (")
                    .append(CauseCatalog.HOT_SPARES.id()).append(", infra)");
        }
        if (s[2] > 0) {
            b.append("\nIdle accelerators count as ").append(CauseCatalog.IDLE_ACCELERATORS.label()).append(" (")
                    .append(CauseCatalog.IDLE_ACCELERATORS.id()).append(", infra)");
        }
        return b.append("\n").append(HumanFormat.clockRange(iv.startUs(), iv.endUs(), " → ")).append(" (")
                .append(HumanFormat.duration(iv.durationUs() / 1e6)).append(")").toString();
    }
}
