package dev.goodput.chart.waterfall;

/** What the waterfall's axis and labels count: share of the window, accelerator-hours, or their cost. */
public enum WaterfallUnit {
    FRACTION("Fraction of window"),
    ACCELERATOR_HOURS("Accelerator-hours"),
    COST("Cost");

    private final String label;

    WaterfallUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
