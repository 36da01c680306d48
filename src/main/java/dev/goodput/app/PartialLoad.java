package dev.goodput.app;

import dev.goodput.core.model.Problem;

import java.nio.file.Path;
import java.util.List;

/**
 * What a lenient load left out of the run shown, so its figures can say they are partial: each error the readers
 * kept as a problem skipped something (a line, row or entry, a file's damaged tail, a file that could not be read or
 * placed), and the inputs a workspace names that are missing were not read at all.
 *
 * @param errors  errors met reading: each left something out
 * @param missing inputs not there to read
 * @param first   the first thing left out, as {@code file:line: why}; null when nothing was
 */
record PartialLoad(int errors, int missing, String first) {
    static final PartialLoad COMPLETE = new PartialLoad(0, 0, null);

    /**
     * @param problems      the problems met reading and deriving (warnings leave nothing out)
     * @param missingInputs inputs named (by a workspace) but not there to read
     */
    static PartialLoad of(List<Problem> problems, List<Path> missingInputs) {
        List<Problem> errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        String first = !errors.isEmpty() ? errors.get(0).toString()
                : missingInputs.isEmpty() ? null : missingInputs.get(0) + ": not there to read";
        return new PartialLoad(errors.size(), missingInputs.size(), first);
    }

    boolean isPartial() {
        return errors + missing > 0;
    }

    /** "Partial: 3 read errors", "Partial: 1 read error, 1 input missing"; "" when nothing was left out. */
    String badge() {
        if (!isPartial()) {
            return "";
        }
        String e = errors == 0 ? "" : SummaryViewModel.plural(errors, "read error");
        String m = missing == 0 ? "" : SummaryViewModel.plural(missing, "input") + " missing";
        return "Partial: " + (e.isEmpty() ? m : m.isEmpty() ? e : e + ", " + m);
    }

    /** The badge's tooltip: what it means and the first thing left out; "" when nothing was. */
    String detail() {
        if (!isPartial()) {
            return "";
        }
        return "These figures leave out what could not be read: a line, record or file skipped for each read error."
                + "\nFirst: " + first + "\nThe Problems panel lists them all.";
    }
}
