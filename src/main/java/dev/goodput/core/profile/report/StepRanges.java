package dev.goodput.core.profile.report;

import java.util.List;

/**
 * Step numbers as a terminal reader wants them: consecutive runs folded, "1–449 (449 steps)" rather than 449 numbers
 * on one line; "4, 5" and "3, 7–9" stay readable too.
 */
final class StepRanges {
    private StepRanges() {
    }

    static String of(List<Long> steps) {
        if (steps.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < steps.size()) {
            int j = i;
            while (j + 1 < steps.size() && steps.get(j + 1) == steps.get(j) + 1) {
                j++;
            }
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(steps.get(i));
            // Two in a row read better as "4, 5" than as a range.
            if (j == i + 1) {
                s.append(", ").append(steps.get(j));
            } else if (j > i + 1) {
                s.append('–').append(steps.get(j));
            }
            i = j + 1;
        }
        return steps.size() == 1 ? s.toString() : s + " (" + steps.size() + " steps)";
    }
}
