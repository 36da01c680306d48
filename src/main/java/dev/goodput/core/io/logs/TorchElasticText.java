package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

/**
 * Text helpers for the recognisers of what torchrun starts (torchelastic, NeMo, torchtitan, MaxText):
 * <ul>
 *   <li>relay prefixes that launchers put before a worker's whole line, which {@link LinePrefix} does not know:
 *   NeMo-Run's {@code ining-demo/0 } (the last characters of the experiment name, a slash, the replica) and Ray's
 *   {@code (pretraining, pid=4112) }; {@link #unwrap} reads the rest of the line as {@link LinePrefix} would;</li>
 *   <li>c10's (PyTorch C++) glog-style stamp {@code [E519 19:52:14.553434411 ProcessGroupNCCL.cpp:2198]}, whose month
 *   has no leading zero, so glog's reader turns it down;</li>
 *   <li>numbers as trainers print them: {@code 8,911}, {@code 1.831e+03}, {@code N/A}.</li>
 * </ul>
 */
final class TorchElasticText {
    private TorchElasticText() {
    }

    /** End of a relay prefix at the start of {@code s} ({@code "name/0 "}, {@code "(name, pid=12) "}), or -1. */
    static int relayPrefixEnd(String s) {
        int n = s.length();
        if (n < 3) {
            return -1;
        }
        if (s.charAt(0) == '(') {
            int close = s.indexOf(") ", 1);
            if (close > 0 && close < 96) {
                int pid = s.lastIndexOf("pid=", close);
                if (pid > 0 && allDigits(s, pid + 4, close)) {
                    return close + 2;
                }
            }
            return -1;
        }
        // NeMo-Run: a token without spaces whose last part after '/' is the replica number, then one space.
        int limit = Math.min(n, 80);
        int slash = -1;
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                return slash > 0 && i > slash + 1 && allDigits(s, slash + 1, i) ? i + 1 : -1;
            }
            if (c == '/') {
                slash = i;
            } else if (c == '[' || c == ']' || c == ':' || c == '"' || c == '\'') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The line as the worker wrote it: when a relay prefix hid the worker's own prefixes from {@link LinePrefix}
     * (the line then has neither rank nor time), a new line of the rest, read as {@link LinePrefix} reads; else
     * {@code line} itself.
     */
    static LogLine unwrap(LogLine line) {
        if (line.rank() >= 0 || line.timeUs() != Times.UNKNOWN) {
            return line;
        }
        String t = line.text();
        int end = relayPrefixEnd(t);
        if (end < 0) {
            return line;
        }
        LogLine inner = new LogLine();
        inner.reset(line.file(), line.number(), t.substring(end), line.clock());
        LinePrefix.parse(inner);
        return inner;
    }

    /** When the line was written: its leading stamp, else a c10 stamp at the start of its text, else UNKNOWN. */
    static long time(LogLine line) {
        long t = line.timeUs();
        if (t != Times.UNKNOWN) {
            return t;
        }
        String s = line.text();
        return s.length() > 0 && s.charAt(0) == '[' ? TimeText.glog(s, 1) : Times.UNKNOWN;
    }

    /** Index of the first character at or after {@code i} that is not a space. */
    static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * End of the number starting at {@code i} (after spaces are skipped by the caller): digits with thousands
     * separators ({@code ,} followed by exactly three digits), a sign, a fraction and an exponent.
     */
    static int numberEnd(String s, int i) {
        int n = s.length();
        int j = i;
        if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
            j++;
        }
        int digitsFrom = j;
        while (j < n) {
            char c = s.charAt(j);
            if (TimeText.isDigit(c) || c == '.') {
                j++;
            } else if (c == ',' && j + 4 <= n && allDigits(s, j + 1, j + 4)
                    && (j + 4 == n || !TimeText.isDigit(s.charAt(j + 4)))) {
                j += 4;
            } else if ((c == 'e' || c == 'E') && j > digitsFrom && j + 1 < n) {
                int k = j + 1;
                if (s.charAt(k) == '+' || s.charAt(k) == '-') {
                    k++;
                }
                if (k < n && TimeText.isDigit(s.charAt(k))) {
                    j = k;
                    while (j < n && TimeText.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                break;
            } else {
                break;
            }
        }
        return j > digitsFrom ? j : i;
    }

    /** The number at {@code i} (spaces skipped), or NaN when there is none ({@code N/A}, a cut line). */
    static double number(String s, int i) {
        i = skipSpaces(s, i);
        int end = numberEnd(s, i);
        if (end == i) {
            return Double.NaN;
        }
        String token = s.substring(i, end);
        if (token.indexOf(',') >= 0) {
            token = token.replace(",", "");
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The number right after {@code key} in {@code s} (first occurrence), or NaN when the key or number is missing. */
    static double numberAfter(String s, String key) {
        int k = s.indexOf(key);
        return k < 0 ? Double.NaN : number(s, k + key.length());
    }

    /** A whole number at {@code i} (spaces skipped, thousands separators allowed), or -1. */
    static long whole(String s, int i) {
        double v = number(s, i);
        return Double.isNaN(v) || v < 0 || v != Math.rint(v) || v > 9e15 ? -1 : (long) v;
    }

    /** The step number in a checkpoint path ({@code .../step=9-consumed_samples=...}, {@code step-500}), or -1. */
    static long stepInPath(String s) {
        for (String key : new String[] {"step=", "step-", "step_"}) {
            int k = s.lastIndexOf(key);
            if (k >= 0 && k + key.length() < s.length() && TimeText.isDigit(s.charAt(k + key.length()))) {
                return whole(s, k + key.length());
            }
        }
        return -1;
    }

    /** The first {@code max} characters of {@code s}, trimmed, with an ellipsis when cut. */
    static String clip(String s, int max) {
        String t = s.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    private static boolean allDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!TimeText.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
