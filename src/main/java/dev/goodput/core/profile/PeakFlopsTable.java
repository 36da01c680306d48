package dev.goodput.core.profile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Dense per-device peak FLOP/s by precision, for MFU, from the bundled {@code peak-flops.csv} (read from the
 * classpath once). Each row's {@code match} is a case-insensitive regular expression looked for (not matched
 * whole) in the device name a profiler trace gives ("NVIDIA H100 80GB HBM3", "AMD Instinct MI300X"); rows
 * are tried in file order and the first device that matches wins, so the file lists specific patterns
 * ("H100 NVL", "GB200") before generic ones ("H100", "B200"). A device name that matches nothing gives
 * nothing: the caller falls back, and the user can always give {@code --peak-flops}.
 *
 * <p>Every number is a dense figure; NVIDIA's "with sparsity" tensor-core figures are halved in the file.
 * See docs/peak-flops.md.
 */
public final class PeakFlopsTable {
    static final String RESOURCE = "peak-flops.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();

    /** A device's pattern (compiled once) and its figures, one per precision, in file order. */
    private record Device(String name, Pattern match, List<PeakFlops> peaks) {
    }

    /** The devices in the order their first row appears: the first whose pattern occurs in a name wins. */
    private final List<Device> devices;

    private PeakFlopsTable(List<Device> devices) {
        this.devices = List.copyOf(devices);
    }

    private static final class Bundled {
        static final PeakFlopsTable TABLE = load();

        private static PeakFlopsTable load() {
            try (InputStream in = PeakFlopsTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The dense peak of the first table device whose pattern occurs in {@code deviceName}, at {@code precision}
     * (any alias {@link #normalizePrecision} knows). Empty when the name matches no device, when that device
     * has no figure at that precision, or when the precision is unknown.
     */
    public static Optional<PeakFlops> lookup(String deviceName, String precision) {
        return Bundled.TABLE.find(deviceName, precision);
    }

    /** Every precision of the first table device whose pattern occurs in {@code deviceName}; empty if none. */
    public static List<PeakFlops> entriesFor(String deviceName) {
        return Bundled.TABLE.forDevice(deviceName);
    }

    /** The whole bundled table, in file order (a device's rows together, where its first row stands). */
    public static List<PeakFlops> entries() {
        return Bundled.TABLE.rows();
    }

    /** The table device (e.g. "NVIDIA H100 SXM") whose pattern a trace's device name matches first. */
    public static Optional<String> deviceFor(String deviceName) {
        return Bundled.TABLE.firstMatch(deviceName).map(Device::name);
    }

    /**
     * Canonical precision name, or empty when unknown: bf16 ("bfloat16", "c10::BFloat16", "torch.bfloat16"),
     * fp16 ("half", "float16", "c10::Half"), fp32 ("float", "float32", "single"), tf32, fp64 ("double"),
     * fp8 (e4m3, e5m2, their fn/fnuz variants, mxfp8), fp6, fp4 (nvfp4, mxfp4, e2m1) and int8 ("i8", "qint8").
     */
    public static Optional<String> normalizePrecision(String precision) {
        if (precision == null) {
            return Optional.empty();
        }
        String p = precision.trim().toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"c10::", "torch.", "at::", "jnp.", "np."}) {
            if (p.startsWith(prefix)) {
                p = p.substring(prefix.length());
            }
        }
        p = p.replace("-", "").replace(" ", "");
        switch (p) {
            case "bf16", "bfloat16", "bfloat" -> {
                return Optional.of("bf16");
            }
            case "fp16", "float16", "half", "f16" -> {
                return Optional.of("fp16");
            }
            case "fp32", "float32", "float", "f32", "single" -> {
                return Optional.of("fp32");
            }
            case "tf32", "tensorfloat32", "xf32" -> {
                return Optional.of("tf32");
            }
            case "fp64", "float64", "double", "f64" -> {
                return Optional.of("fp64");
            }
            case "int8", "i8", "qint8", "s8" -> {
                return Optional.of("int8");
            }
            default -> {
                // the float8 family: fp8, float8_e4m3fn, Float8_e5m2fnuz, e4m3, mxfp8, ...
                if (p.startsWith("fp8") || p.startsWith("float8") || p.startsWith("mxfp8")
                        || p.startsWith("e4m3") || p.startsWith("e5m2") || p.startsWith("f8")) {
                    return Optional.of("fp8");
                }
                if (p.startsWith("fp6") || p.startsWith("float6") || p.startsWith("mxfp6")
                        || p.startsWith("e3m2") || p.startsWith("e2m3")) {
                    return Optional.of("fp6");
                }
                if (p.startsWith("fp4") || p.startsWith("float4") || p.startsWith("mxfp4")
                        || p.startsWith("nvfp4") || p.startsWith("e2m1")) {
                    return Optional.of("fp4");
                }
                return Optional.empty();
            }
        }
    }

    /**
     * Reads a {@code device,match,precision,peak_flops,source} table. Precisions are normalised; a device's
     * rows must all carry the same pattern and no device may list a precision twice.
     */
    static PeakFlopsTable parse(Reader csv) throws IOException {
        Map<String, Device> devices = new LinkedHashMap<>();
        for (CSVRecord r : FORMAT.parse(csv)) {
            long line = r.getRecordNumber() + 1;
            String device = r.get("device");
            String match = r.get("match");
            String precision = normalizePrecision(r.get("precision")).orElseThrow(() ->
                    new IllegalArgumentException("peak-flops line " + line + ": unknown precision \""
                            + r.get("precision") + "\""));
            double peak;
            try {
                peak = Double.parseDouble(r.get("peak_flops"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("peak-flops line " + line + ": peak_flops is not a number: \""
                        + r.get("peak_flops") + "\"");
            }
            Device d = devices.get(device);
            if (d == null) {
                Pattern pattern;
                try {
                    pattern = Pattern.compile(match, Pattern.CASE_INSENSITIVE);
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("peak-flops line " + line + ": bad match pattern: "
                            + e.getMessage());
                }
                d = new Device(device, pattern, new ArrayList<>());
                devices.put(device, d);
            } else if (!d.match().pattern().equals(match)) {
                throw new IllegalArgumentException("peak-flops line " + line + ": " + device
                        + " has two different match patterns");
            }
            for (PeakFlops earlier : d.peaks()) {
                if (earlier.precision().equals(precision)) {
                    throw new IllegalArgumentException("peak-flops line " + line + ": " + device
                            + " lists " + precision + " twice");
                }
            }
            d.peaks().add(new PeakFlops(device, precision, peak, r.get("source")));
        }
        List<Device> out = new ArrayList<>();
        for (Device d : devices.values()) {
            out.add(new Device(d.name(), d.match(), List.copyOf(d.peaks())));
        }
        return new PeakFlopsTable(out);
    }

    /** Every figure, grouped by device in the order of each device's first row. */
    private List<PeakFlops> rows() {
        List<PeakFlops> out = new ArrayList<>();
        devices.forEach(d -> out.addAll(d.peaks()));
        return List.copyOf(out);
    }

    private Optional<Device> firstMatch(String deviceName) {
        if (deviceName == null || deviceName.isBlank()) {
            return Optional.empty();
        }
        for (Device d : devices) {
            if (d.match().matcher(deviceName).find()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private List<PeakFlops> forDevice(String deviceName) {
        return firstMatch(deviceName).map(Device::peaks).orElse(List.of());
    }

    private Optional<PeakFlops> find(String deviceName, String precision) {
        Optional<String> p = normalizePrecision(precision);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        for (PeakFlops e : forDevice(deviceName)) {
            if (e.precision().equals(p.get())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
