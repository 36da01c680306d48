package dev.goodput.chart.timeline;

import dev.goodput.chart.ChartFonts;
import dev.goodput.chart.ChartLegend;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.chart.TextBlock;

import java.awt.Font;

/**
 * Where a timeline chart's parts go, in chart units, top to bottom: title and subtitle, the time axis's two
 * label rows, the lanes (labels in a gutter on their left), the legend under the lanes and the caption at the
 * bottom. Measured with {@link ChartText}'s fixed context, so every output lays out alike; the state lane
 * takes the height the rest leaves.
 *
 * @param axisTop    top of the axis's calendar labels; the elapsed-time labels are one line lower
 * @param legendTop  top of the legend (its width is the lanes')
 * @param captionTop top of the caption (its width is the chart's, less the margins)
 */
record TimelineChartLayout(double width, double pad, TextBlock title, TextBlock subtitle, Font axisFont,
                           double axisTop, Font labelFont, TimelineLaneBoxes lanes, ChartLegend legend,
                           double legendTop, TextBlock caption, double captionTop) {

    static final float TITLE_SIZE = 18;
    static final float SUBTITLE_SIZE = 13;
    static final float AXIS_SIZE = 11;
    static final float LABEL_SIZE = 12;
    static final float CAPTION_SIZE = 11;

    /**
     * @param legend       drawn under the lanes (empty for none)
     * @param accelerators whether the accelerators-in-use lane is drawn (a run with part of its allocation idle)
     */
    static TimelineChartLayout of(ChartStyle style, double width, double height, ChartLegend legend,
                                  boolean accelerators) {
        double pad = style.font(12);
        double text = Math.max(1, width - 2 * pad);
        TextBlock title = TextBlock.wrap(style.title(), ChartFonts.bold(style.font(TITLE_SIZE)), text);
        TextBlock subtitle = TextBlock.wrap(style.subtitle(), ChartFonts.regular(style.font(SUBTITLE_SIZE)), text);
        Font label = ChartFonts.regular(style.font(LABEL_SIZE));
        double gutter = pad;
        for (String s : TimelineLaneBoxes.LABELS) { // every lane's: charts of runs alike line up
            gutter = Math.max(gutter, pad + ChartText.width(s, label) + pad);
        }
        double laneWidth = Math.max(1, width - gutter - pad);
        double axisTop = pad + title.height() + subtitle.height()
                + (title.isEmpty() && subtitle.isEmpty() ? 0 : pad / 2);
        Font axis = ChartFonts.regular(style.font(AXIS_SIZE));
        double lanesTop = axisTop + 2 * ChartText.lineHeight(axis) + tickLength(style);

        TextBlock caption = TextBlock.wrap(style.caption(), ChartFonts.regular(style.font(CAPTION_SIZE)), text);
        double captionTop = height - pad - caption.height();
        double legendHeight = legend.height(style, laneWidth);
        double lanesBottom = captionTop - (caption.isEmpty() ? 0 : pad / 2) - legendHeight
                - (legendHeight > 0 ? pad : 0);
        TimelineLaneBoxes lanes = TimelineLaneBoxes.of(gutter, laneWidth, lanesTop, lanesBottom, style.fontScale(),
                accelerators);
        // Under the lanes, which on a chart too small for them overflow their share rather than overlap.
        double legendTop = lanes.bottom() + pad;
        return new TimelineChartLayout(width, pad, title, subtitle, axis, axisTop, label, lanes, legend, legendTop,
                caption, captionTop);
    }

    /** How far the axis's tick marks reach above the lanes. */
    static double tickLength(ChartStyle style) {
        return style.font(6);
    }
}
