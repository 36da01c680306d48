package dev.goodput.core.derive;

import dev.goodput.core.model.FaultEvent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an NCCL watchdog waited before it fired, read from its fault's message: the collective hung that long
 * before the watchdog's line, so the fault that hung it can lie that far back ([Roots and cascades] in
 * docs/derivation.md). Read in this one place until the fault classification gives it as a field.
 */
final class WatchdogTimeout {
    /** NCCL's own words: {@code WorkNCCL(SeqNum=808, OpType=ALLREDUCE, ..., Timeout(ms)=600000) ran for ...}. */
    private static final Pattern RAW = Pattern.compile("Timeout\\(ms\\)\\s*=\\s*(\\d{1,12})");
    /** As the torchrun recogniser words it: "NCCL watchdog timeout: ALLREDUCE ... ran for N ms, timeout M ms". */
    private static final Pattern RECOGNISED = Pattern.compile(
            "(?i)\\bwatchdog timeout\\b.*\\btimeout (\\d{1,12}) ms\\b");

    private WatchdogTimeout() {
    }

    /** The watchdog's timeout in microseconds, or -1 when the fault is not a watchdog naming one. */
    static long micros(FaultEvent f) {
        String m = f.message();
        if (m == null || m.isEmpty()) {
            return -1;
        }
        Matcher raw = RAW.matcher(m);
        if (raw.find()) {
            return Long.parseLong(raw.group(1)) * 1000;
        }
        Matcher recognised = RECOGNISED.matcher(m);
        return recognised.find() ? Long.parseLong(recognised.group(1)) * 1000 : -1;
    }
}
