package dev.goodput.core.io.logs;

import java.util.Locale;

/** How {@code sacct} writes a state, a duration and allocated GPUs, read for {@link SacctRecogniser}. */
final class SacctValues {
    /**
     * States sacct prints that {@link SchedulerState} folds into its own, with what they mean for a run: a job
     * completing or configuring is still running; held or federated requeues and a special exit are requeues; a
     * stopped job is suspended; a revoked federation sibling was cancelled; a reservation-deletion hold is pending.
     */
    private static final String[][] FOLDED = {
            {"COMPLETING", "RUNNING"}, {"CG", "RUNNING"}, {"CONFIGURING", "RUNNING"}, {"CF", "RUNNING"},
            {"SIGNALING", "RUNNING"}, {"SI", "RUNNING"}, {"STAGE_OUT", "RUNNING"}, {"SO", "RUNNING"},
            {"REQUEUE_FED", "REQUEUED"}, {"RF", "REQUEUED"}, {"REQUEUE_HOLD", "REQUEUED"}, {"RH", "REQUEUED"},
            {"SPECIAL_EXIT", "REQUEUED"}, {"SE", "REQUEUED"}, {"STOPPED", "SUSPENDED"}, {"ST", "SUSPENDED"},
            {"REVOKED", "CANCELLED"}, {"RV", "CANCELLED"}, {"RESV_DEL_HOLD", "PENDING"}, {"RD", "PENDING"}};

    private SacctValues() {
    }

    /** The state word for {@link SchedulerState#parse}: folded states replaced (a cut one too), the rest as written. */
    static String canonical(String text) {
        String word = firstWord(text);
        String folded = folded(word);
        return folded != null ? folded : text;
    }

    /**
     * What sacct says beside the state ("by 1234" of {@code CANCELLED by 1234}), or the state as written when it was
     * folded into another ({@code SPECIAL_EXIT}); null when nothing.
     */
    static String reason(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        String rest = space < 0 ? null : t.substring(space + 1).strip();
        String word = firstWord(t);
        if (folded(word) != null) {
            return rest == null ? word : word + " " + rest;
        }
        return rest == null || rest.isEmpty() ? null : rest;
    }

    private static String firstWord(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        int space = t.indexOf(' ');
        return space < 0 ? t : t.substring(0, space);
    }

    private static String folded(String word) {
        boolean cut = word.endsWith("+") && word.length() > 1;
        String w = cut ? word.substring(0, word.length() - 1) : word;
        for (String[] f : FOLDED) {
            if (f[0].equals(w) || cut && f[0].length() > 2 && f[0].startsWith(w) && !isOwnState(w)) {
                return f[1];
            }
        }
        return null;
    }

    /** Whether a cut word is also the start of one of {@link SchedulerState}'s names (then that one is meant). */
    private static boolean isOwnState(String cut) {
        for (SchedulerState s : SchedulerState.values()) {
            if (s.name().startsWith(cut)) {
                return true;
            }
        }
        return false;
    }

    /**
     * GPUs in an AllocTRES value ({@code billing=8,cpu=64,gres/gpu=8,mem=500G,node=1}): {@code gres/gpu=N}, else the
     * sum of the typed counts ({@code gres/gpu:a100=8}); 0 when none. A value cut by a fixed-width column
     * ({@code …,gres/gp+}) loses its last item.
     */
    static int tresGpus(String text) {
        String t = text.endsWith("+") ? text.substring(0, Math.max(0, text.lastIndexOf(','))) : text;
        long untyped = -1;
        long typed = 0;
        for (String item : t.split(",")) {
            String i = item.strip();
            int eq = i.indexOf('=');
            if (!i.startsWith("gres/gpu") || eq < 0) {
                continue;
            }
            long n = count(i.substring(eq + 1));
            if (eq == "gres/gpu".length()) {
                untyped = n;
            } else if (i.charAt("gres/gpu".length()) == ':') {
                typed += n;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, untyped >= 0 ? untyped : typed);
    }

    /** GPUs in an AllocGRES value of older Slurm ({@code gpu:8}, {@code gpu:a100:4(IDX:0-3)}); 0 when none. */
    static int gresGpus(String text) {
        String t = text.endsWith("+") ? text.substring(0, Math.max(0, text.lastIndexOf(','))) : text;
        long sum = 0;
        for (String item : t.split(",")) {
            String i = item.strip();
            int paren = i.indexOf('(');
            if (paren >= 0) {
                i = i.substring(0, paren);
            }
            if (!i.startsWith("gpu")) {
                continue;
            }
            sum += count(i.substring(i.lastIndexOf(':') + 1));
        }
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    private static long count(String s) {
        try {
            return Math.max(0, Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A duration as sacct writes Elapsed ({@code [D-]HH:MM:SS}, also {@code MM:SS} and a fraction after {@code .}),
     * in µs; -1 when it is not one.
     */
    static long elapsedUs(String text) {
        String t = text.strip();
        long days = 0;
        int dash = t.indexOf('-');
        if (dash >= 0) {
            days = digits(t.substring(0, dash));
            t = t.substring(dash + 1);
            if (days < 0) {
                return -1;
            }
        }
        long micros = 0;
        int dot = t.indexOf('.');
        if (dot >= 0) {
            String f = t.substring(dot + 1);
            if (digits(f) < 0) {
                return -1;
            }
            micros = Long.parseLong((f + "000000").substring(0, 6));
            t = t.substring(0, dot);
        }
        String[] parts = t.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || dash >= 0 && parts.length != 3) {
            return -1;
        }
        long seconds = 0;
        for (String p : parts) {
            long v = digits(p);
            if (v < 0) {
                return -1;
            }
            seconds = seconds * 60 + v;
        }
        return (days * 86_400 + seconds) * 1_000_000L + micros;
    }

    /** A non-negative number of at most 9 digits, else -1. */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!TimeText.isDigit(s.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(s);
    }
}
