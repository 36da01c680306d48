package dev.goodput.core.io.logs;

import dev.goodput.core.model.Times;

/**
 * Takes off what launchers and loggers put before a trainer's message, so that recognisers match the message
 * alone: ANSI colour codes (torchtitan), rank prefixes ({@code [default0]:} from torchrun's {@code --tee},
 * {@code [rank0]:} from PyTorch's logging, {@code 0: } from {@code srun --label}), and a leading timestamp:
 * {@code [2024-04-06 02:55:45]} (Megatron), {@code [titan] 2026-05-20 03:18:11,590 - } (Python logging after a
 * tag), {@code 2024-05-01T12:00:00Z}, or glog's {@code I0520 03:18:04.272000 791911 file.py:874]}.
 */
final class LinePrefix {
    /** A rank under {@code srun --label}'s task N is N × this + its local rank, so the nodes' ranks differ. */
    static final int NODE_STRIDE = 100_000;

    private LinePrefix() {
    }

    static void parse(LogLine line) {
        String s = line.raw();
        if (s.indexOf('\u001b') >= 0) {
            s = stripAnsi(s);
        }
        int n = s.length();
        int i = 0;
        // Rank prefixes, possibly nested ("[default0]:[rank0]:"), possibly after indentation.
        int lead = 0;
        while (lead < n && lead < 16 && s.charAt(lead) == ' ') {
            lead++;
        }
        if (lead > 0 && rankPrefixEnd(s, lead) > 0 && s.charAt(lead) == '[') {
            i = lead;
        }
        int node = -1;
        while (true) {
            int r = rankPrefixEnd(s, i);
            if (r < 0) {
                break;
            }
            int rank = rankOf(s, i, r);
            if (s.charAt(i) != '[') {
                node = rank; // srun --label's task number: the ranks inside it are that node's local ones
            }
            line.setRank(node >= 0 && s.charAt(i) == '[' ? node * NODE_STRIDE + rank : rank);
            i = r;
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int at = i;
        // One bracketed tag without digits before the time, as "[titan] 2026-...".
        if (at < n && s.charAt(at) == '[' && at + 1 < n && !TimeText.isDigit(s.charAt(at + 1))) {
            int close = s.indexOf(']', at);
            if (close > 0 && close - at < 24 && close + 1 < n && s.charAt(close + 1) == ' ') {
                at = close + 2;
            }
        }
        boolean bracket = at < n && s.charAt(at) == '[';
        int t0 = bracket ? at + 1 : at;
        long t = Times.UNKNOWN;
        if (t0 < n && TimeText.isDigit(s.charAt(t0))) {
            t = TimeText.dateTime(s, t0, line.clock());
        } else if (t0 < n && "IWEF".indexOf(s.charAt(t0)) >= 0) {
            t = TimeText.glog(s, t0);
        }
        if (t != Times.UNKNOWN) {
            line.setTime(t);
            int end = TimeText.end();
            if (bracket && end < n && s.charAt(end) == ']') {
                end++;
            }
            i = end;
        }
        line.setText(i == 0 ? s : s.substring(i));
    }

    /** End of a rank prefix at {@code i} ("[default12]:", "[rank3]:", "12: "), or -1. */
    private static int rankPrefixEnd(String s, int i) {
        int n = s.length();
        if (i < n && s.charAt(i) == '[') {
            int j = i + 1;
            if (s.startsWith("default", j)) {
                j += 7;
            } else if (s.startsWith("rank", j)) {
                j += 4;
            } else {
                return -1;
            }
            int d = j;
            while (j < n && TimeText.isDigit(s.charAt(j))) {
                j++;
            }
            return j > d && j + 1 < n && s.charAt(j) == ']' && s.charAt(j + 1) == ':' ? j + 2 : -1;
        }
        int j = i;
        while (j < n && j - i < 6 && TimeText.isDigit(s.charAt(j))) {
            j++;
        }
        return j > i && j + 1 < n && s.charAt(j) == ':' && s.charAt(j + 1) == ' ' && i == 0 ? j + 2 : -1;
    }

    private static int rankOf(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (TimeText.isDigit(c)) {
                v = Math.min(1_000_000, v * 10 + (c - '0'));
            }
        }
        return v;
    }

    /** Removes CSI escape sequences ("\u001b[32m") and lone escapes. */
    static String stripAnsi(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                if (i + 1 < n && s.charAt(i + 1) == '[') {
                    int j = i + 2;
                    while (j < n && (TimeText.isDigit(s.charAt(j)) || s.charAt(j) == ';' || s.charAt(j) == '?')) {
                        j++;
                    }
                    i = j < n ? j : n - 1; // skips the final letter
                }
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }
}
