package dev.goodput.core.derive;

import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.RunMetadata;

/** Model FLOPs of one whole step (all accelerators) from the run metadata alone, when it says enough. */
public record ModelFlops(double perStep, FlopConvention convention) {

    /** The FLOPs per step at the run's tokens per step, or null when the metadata cannot give them. */
    public static ModelFlops of(RunMetadata m) {
        FlopConvention c = MfuCalculator.convention(m);
        if (c == null) {
            return null;
        }
        double f = MfuCalculator.stepFlops(m, c, -1);
        return Double.isNaN(f) || f <= 0 ? null : new ModelFlops(f, c);
    }
}
