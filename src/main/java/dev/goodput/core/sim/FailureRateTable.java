package dev.goodput.core.sim;

import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interruption rates per accelerator-hour, per cause, from an observed count table; see README.md beside
 * the bundled CSV for the source and its caveats.
 *
 * @param source             where the counts come from, for people
 * @param unexpected         unplanned interruptions, one rate per cause
 * @param plannedPerGpuHour  planned (maintenance) interruptions per accelerator-hour; 0 for none
 */
public record FailureRateTable(String source, List<FailureRate> unexpected, double plannedPerGpuHour) {
    /** Observation behind Table 5 of "The Llama 3 Herd of Models" (arXiv 2407.21783). */
    public static final double LLAMA3_DAYS = 54;
    public static final int LLAMA3_GPUS = 16_384;
    public static final int LLAMA3_UNEXPECTED = 419;
    public static final int LLAMA3_PLANNED = 47;
    static final String LLAMA3_RESOURCE = "llama3_405b_54day_interruptions_table5.csv";

    public FailureRateTable {
        unexpected = List.copyOf(unexpected);
        if (plannedPerGpuHour < 0) {
            throw new IllegalArgumentException("planned rate must not be negative");
        }
    }

    /** Llama 3 405B pre-training: 419 unexpected and 47 planned interruptions in 54 days on 16,384 H100s. */
    public static FailureRateTable llama3() {
        try (InputStream in = FailureRateTable.class.getResourceAsStream(LLAMA3_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LLAMA3_RESOURCE);
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            FailureRateTable t = parse(r, LLAMA3_DAYS, LLAMA3_GPUS, LLAMA3_PLANNED,
                    "The Llama 3 Herd of Models (arXiv 2407.21783), Table 5");
            if (t.unexpectedCount() != LLAMA3_UNEXPECTED) {
                throw new IllegalStateException("Table 5 counts sum to " + t.unexpectedCount() + ", not 419");
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a {@code component,category,interruption_count,...} CSV observed over {@code days} on
     * {@code gpus} accelerators. Component names hold no commas, so a plain split is enough.
     */
    public static FailureRateTable parse(Reader csv, double days, int gpus, int plannedCount, String source)
            throws IOException {
        double gpuHours = days * 24.0 * gpus;
        BufferedReader r = new BufferedReader(csv);
        List<String> header = Arrays.asList(r.readLine().trim().split(","));
        int component = column(header, "component");
        int category = column(header, "category");
        int count = column(header, "interruption_count");
        List<FailureRate> rates = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            int n = Integer.parseInt(f[count].trim());
            rates.add(new FailureRate(causeId(f[component]), f[component].trim(), f[category].trim(), n,
                    n / gpuHours));
        }
        return new FailureRateTable(source, rates, plannedCount / gpuHours);
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("failure table has no \"" + name + "\" column");
        }
        return i;
    }

    /**
     * The catalogue's cause of a component ("Network Switch/Cable" → {@code network_switch_cable}; an old id made
     * its catalogue id), or the component's name made an id when the catalogue has none.
     */
    static String causeId(String component) {
        String id = CauseCatalog.idOf(component);
        Cause c = CauseCatalog.byId(id);
        return c != null ? c.id() : id;
    }

    public int unexpectedCount() {
        return unexpected.stream().mapToInt(FailureRate::count).sum();
    }

    /** All unplanned causes together, per accelerator-hour. */
    public double unexpectedPerGpuHour() {
        return unexpected.stream().mapToDouble(FailureRate::perGpuHour).sum();
    }

    public FailureRateTable withoutPlanned() {
        return new FailureRateTable(source, unexpected, 0);
    }
}
