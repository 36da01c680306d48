package dev.goodput.app;

import dev.goodput.core.report.Goodputs;

import java.util.function.Function;

/** The four headline goodputs, with the words that define them for people reading the figures. */
public enum GoodputMeasure {
    INFRA("Infra goodput", "available ÷ window",
            "Infra goodput = available time ÷ window.\nThe share of the window in which the job's accelerators "
                    + "were up and allocated; provisioning, failures and restarts count against it.",
            g -> g.infra()),
    FRAMEWORK("Framework goodput", "productive ÷ available",
            "Framework goodput = productive time ÷ available time.\nThe share of available time spent in training "
                    + "steps that were kept; start-up, checkpoints, evaluation and lost steps count against it.",
            g -> g.framework()),
    MODEL("Model goodput", "MFU on steady-state steps",
            "Model goodput = MFU on steady-state steps.\nModel FLOPs per second achieved ÷ peak FLOP/s of the "
                    + "accelerators, measured on steps after warm-up and without pauses or outliers.\n"
                    + "n/a when the run gives no FLOPs per step or no peak.",
            g -> g.model()),
    OVERALL("Overall goodput", "infra × framework × model",
            "Overall goodput = infra × framework × model goodput.\nThe share of the window's peak compute that "
                    + "went into useful training. n/a when model goodput is n/a.",
            g -> g.overall());

    private final String title;
    private final String formula;
    private final String definition;
    private final Function<Goodputs, Double> value;

    GoodputMeasure(String title, String formula, String definition, Function<Goodputs, Double> value) {
        this.title = title;
        this.formula = formula;
        this.definition = definition;
        this.value = value;
    }

    public String title() {
        return title;
    }

    /** One line under the figure. */
    public String formula() {
        return formula;
    }

    /** The full definition, for a tooltip. */
    public String definition() {
        return definition;
    }

    /** The fraction in [0, 1], or null when it cannot be measured. */
    public Double of(Goodputs goodputs) {
        return value.apply(goodputs);
    }
}
