package dev.goodput.core.io.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slurm's host lists, as {@code sacct}'s NodeList and slurmstepd print them: {@code node[01-03,07]} is node01,
 * node02, node03, node07 (a range keeps the zero padding of its first number), {@code gpu-a[1-2]-b[3-4]} is every
 * combination of its brackets in order (gpu-a1-b3, gpu-a1-b4, gpu-a2-b3, gpu-a2-b4), commas outside brackets separate
 * hosts ({@code b1,g1,m[3-4]}); {@code None assigned} (a job that never started) is no host.
 */
final class SlurmHostlist {
    /** A list naming more hosts than this is refused rather than expanded (no cluster has that many). */
    static final int MAX_HOSTS = 1_000_000;

    private SlurmHostlist() {
    }

    /**
     * The hosts a list names, in its order.
     *
     * @throws IllegalArgumentException when the text is not a host list (unbalanced brackets, a range that is not
     *                                  two numbers, too many hosts); the message says what was wrong
     */
    static List<String> expand(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("None assigned") || t.equalsIgnoreCase("None")
                || t.equals("(null)")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String host : splitTopLevel(t)) {
            if (host.isEmpty()) {
                throw new IllegalArgumentException("an empty host name");
            }
            expandOne(host, 0, "", out);
        }
        return out;
    }

    /** Splits at commas outside brackets. */
    private static List<String> splitTopLevel(String t) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '[') {
                if (++depth > 1) {
                    throw new IllegalArgumentException("a bracket inside a bracket");
                }
            } else if (c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("a ']' without its '['");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(t.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("a '[' without its ']'");
        }
        parts.add(t.substring(from).strip());
        return parts;
    }

    /** Expands the brackets of {@code host} from {@code at}, each after what came before it ({@code head}). */
    private static void expandOne(String host, int at, String head, List<String> out) {
        int open = host.indexOf('[', at);
        if (open < 0) {
            add(out, head + host.substring(at));
            return;
        }
        int close = host.indexOf(']', open);
        String prefix = head + host.substring(at, open);
        for (String item : host.substring(open + 1, close).split(",", -1)) {
            String r = item.strip();
            int dash = r.indexOf('-');
            String lo = dash < 0 ? r : r.substring(0, dash).strip();
            String hi = dash < 0 ? r : r.substring(dash + 1).strip();
            if (!digits(lo) || !digits(hi)) {
                throw new IllegalArgumentException("a range of numbers in brackets (01-03,07), found \"" + r + "\"");
            }
            long a = Long.parseLong(lo);
            long b = Long.parseLong(hi);
            if (b < a) {
                throw new IllegalArgumentException("a range going up, found \"" + r + "\"");
            }
            if (b - a >= MAX_HOSTS) {
                throw new IllegalArgumentException("at most " + MAX_HOSTS + " hosts, found \"" + r + "\"");
            }
            for (long n = a; n <= b; n++) {
                expandOne(host, close + 1, prefix + pad(n, lo.length()), out);
            }
        }
    }

    private static void add(List<String> out, String host) {
        if (out.size() >= MAX_HOSTS) {
            throw new IllegalArgumentException("at most " + MAX_HOSTS + " hosts");
        }
        out.add(host);
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!TimeText.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /**
     * The hosts written back as one host list, for messages: hosts that differ only in a trailing number of the same
     * width are bracketed ({@code node01, node02, node03, node07} → {@code node[01-03,07]}), in order of first
     * appearance.
     */
    static String compress(List<String> hosts) {
        Map<String, List<String>> byStem = new LinkedHashMap<>();
        for (String h : hosts) {
            int d = h.length();
            while (d > 0 && TimeText.isDigit(h.charAt(d - 1))) {
                d--;
            }
            if (h.length() - d > 18) {
                d = h.length(); // not a number a long holds: left as it is
            }
            // The stem keeps the number's width, so node1 and node01 are not bracketed together.
            String key = d == h.length() ? h : h.substring(0, d) + "\u0000" + (h.length() - d);
            byStem.computeIfAbsent(key, k -> new ArrayList<>()).add(h.substring(d));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byStem.entrySet()) {
            int cut = e.getKey().indexOf('\u0000');
            if (cut < 0) {
                parts.add(e.getKey());
                continue;
            }
            String stem = e.getKey().substring(0, cut);
            List<String> numbers = e.getValue();
            if (numbers.size() == 1) {
                parts.add(stem + numbers.get(0));
            } else {
                parts.add(stem + "[" + ranges(numbers) + "]");
            }
        }
        return String.join(",", parts);
    }

    /** "01,02,03,07" → "01-03,07" (numbers of one width, as listed). */
    private static String ranges(List<String> numbers) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < numbers.size()) {
            int j = i;
            while (j + 1 < numbers.size() && Long.parseLong(numbers.get(j + 1)) == Long.parseLong(numbers.get(j)) + 1) {
                j++;
            }
            out.add(j == i ? numbers.get(i) : numbers.get(i) + "-" + numbers.get(j));
            i = j + 1;
        }
        return String.join(",", out);
    }
}
