package dev.goodput.app;

import dev.goodput.core.report.CauseShare;

/** One row of the badput table, already formatted; the table shows the rows in the report's order. */
public record BadputRow(String layer, String cause, String lostTime, String windowShare, String acceleratorHours) {
    public static BadputRow of(CauseShare share) {
        return new BadputRow(share.layer().id(), share.label(), Figures.duration(share.seconds()),
                Figures.percent(share.fraction()), Figures.hours(share.acceleratorHours()));
    }
}
