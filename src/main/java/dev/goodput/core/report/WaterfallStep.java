package dev.goodput.core.report;

import dev.goodput.core.model.Layer;

/**
 * One bar of the badput waterfall, from 100% of the window down to the goodput.
 *
 * @param kind      {@code start} (the window), {@code loss} (one cause), {@code subtotal} (available,
 *                  productive) or {@code end} (goodput)
 * @param fraction  the bar's height as a fraction of the window (losses positive)
 * @param remaining what is left after this bar, as a fraction of the window
 */
public record WaterfallStep(String kind, String label, Layer layer, String cause, double fraction, double seconds,
                            double remaining) {
}
