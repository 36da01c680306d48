package dev.goodput.chart.timeline;

import dev.goodput.chart.colour.CauseColours;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

/**
 * The timeline's fixed colours, shared by the screen and exports. A cause's colour is its own, whatever the other
 * causes: {@link CauseColours} and {@link dev.goodput.chart.colour.CauseColourBook}.
 */
public final class StatePalette {
    /** ARGB of productive time (Okabe–Ito bluish green). */
    public static final int PRODUCTIVE = CauseColours.PRODUCTIVE;
    /** Slow steps' excess ({@code slow_steps}), on the waterfall and the step-time lane: the cause's fixed colour. */
    public static final int SLOW_STEPS = CauseColours.fixed(CauseCatalog.SLOW_STEPS.id());
    /** Background of lanes with nothing to show. */
    public static final int EMPTY = 0x00000000;

    private StatePalette() {
    }

    /** A colour standing for the whole layer, e.g. in legends of layer totals: its commonest cause's. */
    public static int layer(Layer layer) {
        if (layer == Layer.INFRA) {
            return CauseColours.fixed(CauseCatalog.UNATTRIBUTED_DOWNTIME.id());
        }
        return CauseColours.fixed(layer == Layer.FRAMEWORK ? CauseCatalog.CHECKPOINT_SAVE.id()
                : CauseCatalog.MFU_GAP.id());
    }
}
