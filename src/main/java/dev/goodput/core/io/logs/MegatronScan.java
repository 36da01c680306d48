package dev.goodput.core.io.logs;

/**
 * Reads the numbers of Megatron and DeepSpeed lines by hand, without substrings: a recogniser keeps one instance
 * (not shared between threads); each read leaves the index after the number in {@link #end}.
 */
final class MegatronScan {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
            1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** The most digits {@link #digits} reads: any such number fits a long. */
    static final int MAX_DIGITS = 18;

    /** Index just after the last number read (valid after a successful read). */
    int end;

    /** A non-negative integer at {@code i} (at most {@link #MAX_DIGITS} digits, the rest left), or -1. */
    long digits(String s, int i) {
        int n = s.length();
        int j = i;
        long v = 0;
        while (j < n && j - i < MAX_DIGITS) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            j++;
        }
        if (j == i) {
            return -1;
        }
        end = j;
        return v;
    }

    /** A decimal number at {@code i} ({@code -12.5}, {@code 4.000000E-07}, {@code 3}), or NaN. */
    double number(String s, int i) {
        int n = s.length();
        int j = i;
        boolean negative = false;
        if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
            negative = s.charAt(j) == '-';
            j++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0; // decimal places taken into the mantissa, less the integer digits dropped
        int start = j;
        while (j < n && TimeText.isDigit(s.charAt(j))) {
            if (significant < 18) {
                mantissa = mantissa * 10 + (s.charAt(j) - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                scale--;
            }
            j++;
        }
        boolean any = j > start;
        if (j < n && s.charAt(j) == '.') {
            j++;
            int f = j;
            while (j < n && TimeText.isDigit(s.charAt(j))) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (s.charAt(j) - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                    scale++;
                }
                j++;
            }
            any |= j > f;
        }
        if (!any) {
            return Double.NaN;
        }
        int exponent = 0;
        if (j + 1 < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            boolean expNegative = false;
            if (s.charAt(k) == '-' || s.charAt(k) == '+') {
                expNegative = s.charAt(k) == '-';
                k++;
            }
            int e0 = k;
            int e = 0;
            while (k < n && TimeText.isDigit(s.charAt(k)) && k - e0 < 4) {
                e = e * 10 + (s.charAt(k) - '0');
                k++;
            }
            if (k > e0) {
                exponent = expNegative ? -e : e;
                j = k;
            }
        }
        end = j;
        int p = exponent - scale;
        double v = mantissa;
        if (p != 0) {
            v = p > 0 ? (p < POW10.length ? v * POW10[p] : v * Math.pow(10, p))
                    : (-p < POW10.length ? v / POW10[-p] : v / Math.pow(10, -p));
        }
        return negative ? -v : v;
    }

    static int skipSpaces(String s, int i) {
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Index after the first {@code [...]} groups and spaces at {@code i} (a logger's "[I][module:12:fn]  "). */
    static int afterBrackets(String s, int i) {
        int n = s.length();
        int j = skipSpaces(s, i);
        while (j < n && s.charAt(j) == '[') {
            int close = s.indexOf(']', j);
            if (close < 0) {
                return j;
            }
            j = skipSpaces(s, close + 1);
        }
        return j;
    }
}
