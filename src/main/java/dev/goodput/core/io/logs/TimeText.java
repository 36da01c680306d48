package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

/**
 * Reads the timestamps trainer logs write, by hand (a general parser costs microseconds per line, which
 * dominates reading a gigabyte log):
 * <ul>
 *   <li>{@code 2024-04-06 02:55:45}, with {@code T} or a space, a fraction after {@code .} or {@code ,} (Python's
 *   logging), and an optional {@code Z} or {@code ±HH:MM}/{@code ±HHMM} offset; without one, the file's zone;</li>
 *   <li>glog's {@code I0520 03:18:04.272000} (no year: a {@link LogTime yearless} value);</li>
 *   <li>{@code dmesg -T}'s {@code Mon Jul  6 16:50:15 2024}, in the file's zone;</li>
 *   <li>syslog's {@code Jul  6 16:50:15} (no year: a yearless value).</li>
 * </ul>
 * Each method returns the time and sets {@link #end} to the index after it, or returns {@link Times#UNKNOWN}.
 */
public final class TimeText {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    private TimeText() {
    }

    /** Index just after the last time read on this thread (valid only after a successful read). */
    private static final ThreadLocal<int[]> END = ThreadLocal.withInitial(() -> new int[1]);

    public static int end() {
        return END.get()[0];
    }

    /** A date and time starting at {@code at}: {@code YYYY-MM-DD[ T]HH:MM:SS[(.|,)f][Z|±HH[:]MM]}. */
    public static long dateTime(String s, int at, LogTime clock) {
        int n = s.length();
        if (at + 19 > n || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-'
                || (s.charAt(at + 10) != ' ' && s.charAt(at + 10) != 'T') || s.charAt(at + 13) != ':'
                || s.charAt(at + 16) != ':') {
            return Times.UNKNOWN;
        }
        int year = digits(s, at, 4);
        int month = digits(s, at + 5, 2);
        int day = digits(s, at + 8, 2);
        int hour = digits(s, at + 11, 2);
        int minute = digits(s, at + 14, 2);
        int second = digits(s, at + 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Times.UNKNOWN;
        }
        int i = at + 19;
        int micros = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',') && i + 1 < n && isDigit(s.charAt(i + 1))) {
            micros = fractionMicros(s, i + 1);
            i = fractionEnd(s, i + 1);
        }
        long t;
        if (i < n && s.charAt(i) == 'Z') {
            t = LogTime.epochMicros(year, month, day, hour, minute, second, micros, 0);
            i++;
        } else if (i + 2 < n && (s.charAt(i) == '+' || s.charAt(i) == '-') && isDigit(s.charAt(i + 1))
                && isDigit(s.charAt(i + 2))) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int oh = digits(s, i + 1, 2);
            int j = i + 3;
            if (j < n && s.charAt(j) == ':') {
                j++;
            }
            int om = j + 1 < n ? digits(s, j, 2) : -1;
            if (om < 0) {
                om = 0;
                j = i + 3;
            } else {
                j += 2;
            }
            t = LogTime.epochMicros(year, month, day, hour, minute, second, micros, sign * (oh * 3600 + om * 60));
            i = j;
        } else {
            t = clock.epochMicros(year, month, day, hour, minute, second, micros);
        }
        END.get()[0] = i;
        return t;
    }

    /**
     * glog's {@code [IWEF]MMDD HH:MM:SS.ffffff} at {@code at}, or c10's (PyTorch's) {@code [IWEF]MDD ...} with the
     * month in one digit; the fraction may run to nanoseconds. A yearless value.
     */
    public static long glog(String s, int at) {
        int n = s.length();
        if (at + 1 >= n || "IWEF".indexOf(s.charAt(at)) < 0) {
            return Times.UNKNOWN;
        }
        int d = at + 1;
        int i = d;
        while (i < n && i - d < 5 && isDigit(s.charAt(i))) {
            i++;
        }
        int len = i - d;
        if ((len != 3 && len != 4) || i + 9 > n || s.charAt(i) != ' ' || s.charAt(i + 3) != ':'
                || s.charAt(i + 6) != ':') {
            return Times.UNKNOWN;
        }
        int month = digits(s, d, len - 2);
        int day = digits(s, d + len - 2, 2);
        int hour = digits(s, i + 1, 2);
        int minute = digits(s, i + 4, 2);
        int second = digits(s, i + 7, 2);
        if ((month | day | hour | minute | second) < 0) {
            return Times.UNKNOWN;
        }
        i += 9;
        int micros = 0;
        if (i < n && s.charAt(i) == '.') {
            micros = fractionMicros(s, i + 1);
            i = fractionEnd(s, i + 1);
        }
        long t = LogTime.yearless(month, day, hour, minute, second, micros);
        END.get()[0] = i;
        return t;
    }

    /**
     * {@code dmesg -T}'s {@code Mon Jul  6 16:50:15 2024} (English names, the day padded with a space) filling
     * {@code s[from, to)} exactly, in the clock's zone.
     */
    public static long dmesgT(String s, int from, int to, LogTime clock) {
        if (to - from < 23 || to > s.length() || name(DAYS, s, from) < 0 || s.charAt(from + 3) != ' ') {
            return Times.UNKNOWN;
        }
        int month = name(MONTHS, s, from + 4);
        int[] f = new int[4];
        int i = month < 0 ? -1 : dayAndTime(s, skipSpaces(s, from + 7), f);
        if (i < 0 || i + 5 != to || s.charAt(i) != ' ') {
            return Times.UNKNOWN;
        }
        int year = digits(s, i + 1, 4);
        if (year < 1970) {
            return Times.UNKNOWN;
        }
        END.get()[0] = to;
        return clock.epochMicros(year, month, f[0], f[1], f[2], f[3], 0);
    }

    /** Syslog's {@code Jul  6 16:50:15} at {@code at} (English month names): a yearless value. */
    public static long syslog(String s, int at) {
        if (at + 14 > s.length() || s.charAt(at + 3) != ' ') {
            return Times.UNKNOWN;
        }
        int month = name(MONTHS, s, at);
        int[] f = new int[4];
        int i = month < 0 ? -1 : dayAndTime(s, skipSpaces(s, at + 4), f);
        if (i < 0) {
            return Times.UNKNOWN;
        }
        long t = LogTime.yearless(month, f[0], f[1], f[2], f[3], 0);
        if (t != Times.UNKNOWN) {
            END.get()[0] = i;
        }
        return t;
    }

    /** The 1-based index of the three-letter name at {@code at} in {@code names} (months, days), or -1. */
    private static int name(String names, String s, int at) {
        if (at + 3 > s.length()) {
            return -1;
        }
        for (int k = 0; k < names.length(); k += 3) {
            if (s.regionMatches(at, names, k, 3)) {
                return k / 3 + 1;
            }
        }
        return -1;
    }

    /** "6 16:50:15" (one or two digits of day) at {@code i} into day, hour, minute, second; the index after, or -1. */
    private static int dayAndTime(String s, int i, int[] f) {
        int n = s.length();
        int d = i;
        while (d < n && d - i < 3 && isDigit(s.charAt(d))) {
            d++;
        }
        if (d == i || d - i > 2 || d + 9 > n || s.charAt(d) != ' ' || s.charAt(d + 3) != ':'
                || s.charAt(d + 6) != ':') {
            return -1;
        }
        f[0] = digits(s, i, d - i);
        f[1] = digits(s, d + 1, 2);
        f[2] = digits(s, d + 4, 2);
        f[3] = digits(s, d + 7, 2);
        return f[1] < 0 || f[2] < 0 || f[3] < 0 ? -1 : d + 9;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The digits at {@code at} as a fraction of a second, in µs (digits past the sixth are dropped). */
    private static int fractionMicros(String s, int at) {
        int micros = 0;
        int scale = 100_000;
        for (int i = at; i < s.length() && isDigit(s.charAt(i)); i++) {
            micros += (s.charAt(i) - '0') * scale;
            scale /= 10;
        }
        return micros;
    }

    private static int fractionEnd(String s, int at) {
        int i = at;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
