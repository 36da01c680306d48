package dev.goodput.core.report;

import java.util.function.Function;

/**
 * The four goodputs as people read them: a name, the formula, and a sentence on what counts against it. One
 * wording for the workbench's figures, chart captions and the HTML report, so a slide, the report and the
 * window say the same thing.
 */
public enum GoodputTerm {
    INFRA("Infra goodput", "available ÷ window",
            "the share of the window in which the job's accelerators were up and training; faults, recovery, "
                    + "queueing and provisioning count against it",
            Goodputs::infra),
    FRAMEWORK("Framework goodput", "productive ÷ available",
            "the share of available time that became kept training progress; checkpoint saves, restores, "
                    + "start-up, evaluation and steps rolled back after a fault count against it",
            Goodputs::framework),
    MODEL("Model goodput", "MFU × (productive − slow steps) ÷ productive",
            "model FLOP/s achieved ÷ the accelerators' peak FLOP/s (MFU), on steps after warm-up without pauses or "
                    + "slow steps, for the productive time less what slow steps took above the typical step time; "
                    + "n/a when the run gives no FLOPs per step or no peak",
            Goodputs::model),
    OVERALL("Overall goodput", "infra × framework × model",
            "the share of the window's peak compute that became useful training: the product of the three",
            Goodputs::overall);

    private final String title;
    private final String formula;
    private final String meaning;
    private final Function<Goodputs, Double> value;

    GoodputTerm(String title, String formula, String meaning, Function<Goodputs, Double> value) {
        this.title = title;
        this.formula = formula;
        this.meaning = meaning;
        this.value = value;
    }

    /** E.g. {@code Infra goodput}. */
    public String title() {
        return title;
    }

    /** E.g. {@code available ÷ window}. */
    public String formula() {
        return formula;
    }

    /** What the figure measures and what lowers it, in lower case to follow a colon. */
    public String meaning() {
        return meaning;
    }

    /** The full definition, e.g. for a tooltip: the formula, then what it measures. */
    public String definition() {
        return title + " = " + formula + ".\n" + Character.toUpperCase(meaning.charAt(0)) + meaning.substring(1)
                + ".";
    }

    /** Its fraction in [0, 1] in {@code g}, or null when undefined. */
    public Double of(Goodputs g) {
        return value.apply(g);
    }
}
