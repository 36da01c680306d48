package dev.goodput.core.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault reported at {@code timeUs}.
 *
 * @param cause   a catalogue cause id (e.g. {@code faulty_gpu}; docs/fault-causes.md). An old id is made its
 *                catalogue id here ({@code gpu_failure} → {@code faulty_gpu}); a missing one, or "unknown", is
 *                {@code unattributed_downtime}: never a silent "other"
 * @param message the message as the source wrote it (a line's text, or a launcher's summary of several lines)
 * @param layer   the layer its lost time belongs to, or null (then its cause's in the catalogue: {@link #costLayer()})
 * @param rank    the reporting rank, or -1
 * @param source  the file and line it was read from
 * @param rule    the id of the classification rule that gave the cause (fault-rules.tsv), or null when none did (a
 *                cause the source itself stated, or an unmatched message)
 */
public record FaultEvent(long timeUs, String cause, String message, String node, int rank, Layer layer,
                         Source source, String rule) {
    /** {@code Timeout(ms)=600000} in a watchdog's line; "timeout 600000 ms" as earlier releases summarised it. */
    private static final Pattern WATCHDOG_TIMEOUT = Pattern.compile(
            "Timeout\\(ms\\)=(\\d+)|\\btimeout (\\d+) ms\\b");

    public FaultEvent {
        cause = cause == null || cause.isBlank() ? CauseCatalog.UNATTRIBUTED_DOWNTIME.id()
                : CauseCatalog.canonicalId(cause);
        if (rule != null && rule.isBlank()) {
            rule = null;
        }
    }

    /** A fault no classification rule gave the cause of. */
    public FaultEvent(long timeUs, String cause, String message, String node, int rank, Layer layer, Source source) {
        this(timeUs, cause, message, node, rank, layer, source, null);
    }

    /**
     * The layer the time this fault costs belongs to: its own when its record names one, else its cause's in the
     * catalogue ({@code software_bug} is the framework's: the program's own bug), else infra (an id the catalogue
     * does not know costs availability).
     */
    public Layer costLayer() {
        if (layer != null) {
            return layer;
        }
        Cause c = CauseCatalog.byId(cause);
        return c != null ? c.layer() : Layer.INFRA;
    }

    /**
     * Whether the fault happened on one of {@code nodes} (a job's node list), as far as anyone can tell: true when it
     * names one of them (its node may be a list, "node03,node04"; hosts are compared by their short name, any case),
     * when it names no host (none, or only a GPU's PCI address, as a driver line without a host name gives), or
     * when {@code nodes} is empty (the job's nodes are not known).
     */
    public boolean onAnyOf(java.util.Collection<String> nodes) {
        if (node == null || node.isBlank() || nodes.isEmpty()) {
            return true;
        }
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (String n : nodes) {
            hosts.add(shortHost(n));
        }
        boolean anyHost = false;
        for (String part : node.split(",")) {
            String p = part.strip();
            if (p.isEmpty() || p.startsWith("PCI:")) {
                continue; // a device, not a host
            }
            anyHost = true;
            if (hosts.contains(shortHost(p))) {
                return true;
            }
        }
        return !anyHost;
    }

    /** "gpu-node-7" of "GPU-node-7.cluster.local". */
    private static String shortHost(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        int dot = h.indexOf('.');
        return dot > 0 && !h.matches("[0-9.]+") ? h.substring(0, dot) : h; // an IPv4 address is kept whole
    }

    /**
     * The timeout an NCCL watchdog fault waited for, in ms ({@code Timeout(ms)=600000} in its message): the
     * collective hung that long before the watchdog fired, so a root/cascade window reaches back by it
     * (docs/derivation.md, "Roots and cascades"). -1 for a message that names no watchdog timeout.
     */
    public long watchdogTimeoutMs() {
        // By its words, not its cause: a watchdog's line is one whatever an analyst or a run log called it.
        if (message == null) {
            return -1;
        }
        Matcher m = WATCHDOG_TIMEOUT.matcher(message);
        if (!m.find()) {
            return -1;
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2);
        return digits.length() > 15 ? -1 : Long.parseLong(digits);
    }
}
