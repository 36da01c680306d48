package dev.goodput.chart.report;

import dev.goodput.core.report.GoodputTerm;
import dev.goodput.chart.ChartStyle;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The words around an exported chart: a title, a subtitle naming the run, its window and accelerators, and a
 * caption defining the goodputs with this window's values, so a slide can be read without the report.
 *
 * @param title    null for none
 * @param subtitle null for none
 * @param caption  null for none
 */
public record ChartCaptions(String title, String subtitle, String caption) {
    /** No words: the chart alone, as on screen. */
    public static final ChartCaptions NONE = new ChartCaptions(null, null, null);

    /** The captions of {@code chart} for the run and window of {@code r}. */
    public static ChartCaptions of(ReportChart chart, GoodputReport r) {
        return new ChartCaptions(chart.title(), subtitle(r), caption(r));
    }

    /** {@code clean-small · 2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min) · 8 accelerators}. */
    public static String subtitle(GoodputReport r) {
        return String.format(Locale.ROOT, "%s · %s · %,d accelerator%s", r.runName(),
                HumanFormat.window(r.windowStartUs(), r.windowEndUs()), r.accelerators(),
                r.accelerators() == 1 ? "" : "s");
    }

    /** The goodputs' formulas, then this window's values. */
    public static String caption(GoodputReport r) {
        StringJoiner definitions = new StringJoiner("; ", "", ".");
        StringJoiner values = new StringJoiner(", ", "This window: ", ".");
        for (GoodputTerm t : GoodputTerm.values()) {
            definitions.add(t.title() + " = " + t.formula());
            values.add(t.title().replace(" goodput", "").toLowerCase(Locale.ROOT) + " "
                    + HumanFormat.pct(t.of(r.goodput())));
        }
        return definitions + " " + values;
    }

    /** These captions with another title, when {@code newTitle} is not null. */
    public ChartCaptions withTitle(String newTitle) {
        return newTitle == null ? this : new ChartCaptions(newTitle, subtitle, caption);
    }

    /** These captions with another subtitle, when {@code newSubtitle} is not null. */
    public ChartCaptions withSubtitle(String newSubtitle) {
        return newSubtitle == null ? this : new ChartCaptions(title, newSubtitle, caption);
    }

    /** The presentation style (white page, larger text, legend) carrying these words. */
    public ChartStyle presentation() {
        return ChartStyle.presentation(title, subtitle, caption);
    }

    /** {@code base}'s colours and text sizes carrying these words. */
    public ChartStyle dress(ChartStyle base) {
        return new ChartStyle(base.background(), base.text(), base.mutedText(), base.grid(), base.fontScale(), title,
                subtitle, base.legend(), caption);
    }
}
