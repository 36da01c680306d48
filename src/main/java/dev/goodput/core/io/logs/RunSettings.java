package dev.goodput.core.io.logs;

import dev.goodput.core.model.FlopConvention;
import dev.goodput.core.model.ReportedFlops;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.profile.PeakFlops;
import dev.goodput.core.profile.PeakFlopsTable;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run facts trainer logs state in their banners and argument dumps ({@link TrainerEvent.Setting}); the first
 * value of each key wins (a restarted job prints its arguments again, normally the same).
 */
final class RunSettings {
    private final Map<TrainerEvent.SettingKey, String> values = new EnumMap<>(TrainerEvent.SettingKey.class);
    private int maxWorldSize;
    private int maxAllocated;

    void add(TrainerEvent.Setting s) {
        if (s.value() == null || s.value().isBlank()) {
            return;
        }
        values.putIfAbsent(s.key(), s.value().trim());
        if (s.key() == TrainerEvent.SettingKey.WORLD_SIZE) {
            maxWorldSize = Math.max(maxWorldSize, (int) Math.min(Integer.MAX_VALUE, number(s.value())));
        }
    }

    String text(TrainerEvent.SettingKey key) {
        return values.get(key);
    }

    /** The setting as a number ("2048", "1.5B", "2.250e+15"), or NaN. */
    double number(TrainerEvent.SettingKey key) {
        String v = values.get(key);
        return v == null ? Double.NaN : number(v);
    }

    boolean flag(TrainerEvent.SettingKey key) {
        String v = values.get(key);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"));
    }

    int worldSize() {
        return maxWorldSize;
    }

    /** A scheduler job's allocated accelerators: the run's count is the largest allocation, when above the world size. */
    void allocated(int accelerators) {
        maxAllocated = Math.max(maxAllocated, accelerators);
    }

    /** The accelerators paid for: the largest allocation or world size; 0 when neither is known. */
    int accelerators() {
        return Math.max(maxWorldSize, maxAllocated);
    }

    static double number(String text) {
        String t = text.trim().replace(",", "").replace("_", "");
        double scale = 1;
        if (!t.isEmpty()) {
            char last = Character.toUpperCase(t.charAt(t.length() - 1));
            scale = switch (last) {
                case 'K' -> 1e3;
                case 'M' -> 1e6;
                case 'B', 'G' -> 1e9;
                case 'T' -> 1e12;
                default -> 1;
            };
            if (scale != 1) {
                t = t.substring(0, t.length() - 1);
            }
        }
        try {
            double v = Double.parseDouble(t) * scale;
            return Double.isFinite(v) ? v : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The run's metadata from the settings: accelerators (the largest allocation, else the world size), their peak (the trainer's own when it logged an MFU,
     * else the peak table's for the named accelerator and precision), and what the trainer's FLOP figure counts.
     */
    RunMetadata metadata(String name, boolean hasRates, boolean ratesFromMfu, double peakFromMfu) {
        String accelerator = text(TrainerEvent.SettingKey.ACCELERATOR);
        String precision = Optional.ofNullable(text(TrainerEvent.SettingKey.PRECISION))
                .flatMap(PeakFlopsTable::normalizePrecision).orElse("bf16");
        double peak = number(TrainerEvent.SettingKey.PEAK_FLOPS);
        if (!(peak > 0) && peakFromMfu > 0) {
            peak = peakFromMfu;
        }
        if (!(peak > 0) && accelerator != null) {
            peak = PeakFlopsTable.lookup(accelerator, precision).map(PeakFlops::peakFlops).orElse(Double.NaN);
        }
        String runName = Optional.ofNullable(text(TrainerEvent.SettingKey.RUN_NAME)).orElse(name);
        ReportedFlops reported = hasRates ? new ReportedFlops(Optional.ofNullable(
                text(TrainerEvent.SettingKey.FLOP_FIGURE)).orElse("the trainer's TFLOP/s per accelerator"),
                ratesFromMfu, flag(TrainerEvent.SettingKey.HARDWARE_FLOPS)) : null;
        double params = number(TrainerEvent.SettingKey.PARAMETERS);
        return new RunMetadata(runName, accelerator, accelerators(), peak, precision.toLowerCase(Locale.ROOT),
                Double.NaN, params, Double.NaN, 0, 0, 0, (int) Math.max(0, nanToZero(number(
                TrainerEvent.SettingKey.SEQ_LENGTH))), hasRates ? FlopConvention.REPORTED : null, null, reported);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
