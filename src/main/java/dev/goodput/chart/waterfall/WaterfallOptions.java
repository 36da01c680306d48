package dev.goodput.chart.waterfall;

/**
 * The user's choices for the waterfall.
 *
 * @param unit            what labels and the axis count
 * @param pricePerHour    price of one accelerator-hour, for {@link WaterfallUnit#COST}
 * @param currency        symbol put before costs, e.g. {@code $}
 * @param otherThreshold  causes smaller than this fraction of the window are grouped as "Other" in their layer
 *                        (when two or more are); 0 shows every cause
 */
public record WaterfallOptions(WaterfallUnit unit, double pricePerHour, String currency, double otherThreshold) {
    /** On-demand H100 pricing is about $2–4 per GPU-hour (2025); users set their own. */
    public static final double DEFAULT_PRICE = 2.5;
    public static final double DEFAULT_OTHER_THRESHOLD = 0.005;

    public WaterfallOptions {
        if (unit == null) {
            throw new IllegalArgumentException("expected a unit");
        }
        if (!(pricePerHour >= 0) || Double.isInfinite(pricePerHour)) {
            throw new IllegalArgumentException("expected a price per accelerator-hour >= 0, got " + pricePerHour);
        }
        if (!(otherThreshold >= 0 && otherThreshold < 1)) {
            throw new IllegalArgumentException("expected an 'other' threshold in [0, 1), got " + otherThreshold);
        }
        currency = currency == null ? "$" : currency;
    }

    public static WaterfallOptions defaults() {
        return new WaterfallOptions(WaterfallUnit.FRACTION, DEFAULT_PRICE, "$", DEFAULT_OTHER_THRESHOLD);
    }

    public WaterfallOptions withUnit(WaterfallUnit u) {
        return new WaterfallOptions(u, pricePerHour, currency, otherThreshold);
    }

    public WaterfallOptions withPrice(double price) {
        return new WaterfallOptions(unit, price, currency, otherThreshold);
    }

    public WaterfallOptions withOtherThreshold(double threshold) {
        return new WaterfallOptions(unit, pricePerHour, currency, threshold);
    }
}
