package dev.goodput.core.attribution;

import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseReliability;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.LayerShare;

import java.util.Map;
import java.util.stream.Collectors;

/** Figures read out of a report by cause id or layer, for assertions. */
final class ReportFigures {
    private ReportFigures() {
    }

    /** Window-equivalent seconds lost to a cause (0 when it does not appear). */
    static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    static int intervals(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToInt(CauseShare::intervals).sum();
    }

    static double layerSeconds(GoodputReport r, Layer layer) {
        return r.layers().stream().filter(l -> l.layer() == layer).mapToDouble(LayerShare::seconds).sum();
    }

    /** Disruptions per cause in the reliability table. */
    static Map<String, Integer> disruptions(GoodputReport r) {
        return r.reliability().causes().stream()
                .collect(Collectors.toMap(CauseReliability::cause, CauseReliability::count));
    }
}
