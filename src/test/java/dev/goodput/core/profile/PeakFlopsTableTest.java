package dev.goodput.core.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeakFlopsTableTest {
    private static double bf16(String device) {
        return PeakFlopsTable.lookup(device, "bf16").orElseThrow().peakFlops();
    }

    // Device names as they appear in the traces under /work/shared/data/traces.

    @Test
    void a100FromHtaTraces() {
        PeakFlops p = PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "bf16").orElseThrow();
        assertEquals(312e12, p.peakFlops());
        assertTrue(p.device().contains("A100"));
        assertEquals(156e12, PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "tf32").orElseThrow().peakFlops());
        assertEquals(19.5e12, PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "fp32").orElseThrow().peakFlops());
    }

    @Test
    void a100VariantsShareDensePeaks() {
        for (String name : List.of("NVIDIA A100-SXM4-80GB", "NVIDIA A100-SXM4-40GB", "NVIDIA A100 80GB PCIe",
                "NVIDIA A100-PCIE-40GB")) {
            assertEquals(312e12, bf16(name), name);
        }
        assertEquals("NVIDIA A100 PCIe", PeakFlopsTable.deviceFor("NVIDIA A100 80GB PCIe").orElseThrow());
        assertEquals("NVIDIA A100 SXM", PeakFlopsTable.deviceFor("NVIDIA A100-SXM4-80GB").orElseThrow());
    }

    @Test
    void h100Hbm3IsSxmDense() {
        PeakFlops p = PeakFlopsTable.lookup("NVIDIA H100 80GB HBM3", "bf16").orElseThrow();
        assertEquals("NVIDIA H100 SXM", p.device());
        assertEquals(989.4e12, p.peakFlops());
        assertTrue(p.peakFlops() < 1.0e15, "a sparse H100 figure slipped in");
        assertEquals(1978.9e12, PeakFlopsTable.lookup("NVIDIA H100 80GB HBM3", "fp8").orElseThrow().peakFlops());
    }

    @Test
    void b200Dense() {
        PeakFlops p = PeakFlopsTable.lookup("NVIDIA B200", "bf16").orElseThrow();
        assertEquals("NVIDIA B200", p.device());
        assertEquals(2.25e15, p.peakFlops());
    }

    @Test
    void mi300xFromTracelens() {
        assertEquals(1307.4e12, bf16("AMD Instinct MI300X"));
        assertEquals(1307.4e12, bf16("AMD Instinct MI300X VF"));
    }

    @Test
    void unmatchableNamesGiveNothing() {
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("AMD Radeon Graphics", "bf16"));
        assertEquals(List.of(), PeakFlopsTable.entriesFor("AMD Radeon Graphics"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("", "bf16"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup(null, "bf16"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("NVIDIA B300", "bf16"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("NVIDIA A10G", "bf16"));
    }

    @Test
    void knownDeviceUnknownOrMissingPrecision() {
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("NVIDIA A100-SXM4-80GB", "fp8"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("NVIDIA H100 80GB HBM3", "complex128"));
        assertEquals(Optional.empty(), PeakFlopsTable.lookup("NVIDIA H100 80GB HBM3", null));
    }

    // Specific patterns before generic ones.

    @Test
    void specificBeforeGeneric() {
        assertEquals("NVIDIA H100 NVL", PeakFlopsTable.deviceFor("NVIDIA H100 NVL").orElseThrow());
        assertEquals("NVIDIA H100 PCIe", PeakFlopsTable.deviceFor("NVIDIA H100 PCIe").orElseThrow());
        assertEquals("NVIDIA H100 SXM", PeakFlopsTable.deviceFor("NVIDIA H100 80GB HBM3").orElseThrow());
        assertTrue(bf16("NVIDIA H100 NVL") < bf16("NVIDIA H100 80GB HBM3"));
        assertTrue(bf16("NVIDIA H100 PCIe") < bf16("NVIDIA H100 NVL"));
        assertEquals(835.5e12, bf16("NVIDIA H100 NVL"));
        assertEquals(756.5e12, bf16("NVIDIA H100 PCIe"));

        assertEquals("NVIDIA GB200 (per GPU)", PeakFlopsTable.deviceFor("NVIDIA GB200").orElseThrow());
        assertEquals(2.5e15, bf16("NVIDIA GB200"));
        assertEquals("NVIDIA H200 NVL", PeakFlopsTable.deviceFor("NVIDIA H200 NVL").orElseThrow());
        assertEquals("NVIDIA H200 SXM", PeakFlopsTable.deviceFor("NVIDIA H200").orElseThrow());
        assertEquals("NVIDIA GH200", PeakFlopsTable.deviceFor("NVIDIA GH200 480GB").orElseThrow());
        assertEquals("NVIDIA L4", PeakFlopsTable.deviceFor("NVIDIA L4").orElseThrow());
        assertEquals("NVIDIA L40S", PeakFlopsTable.deviceFor("NVIDIA L40S").orElseThrow());
        assertEquals("NVIDIA A10", PeakFlopsTable.deviceFor("NVIDIA A10").orElseThrow());
        assertEquals("AMD Instinct MI250X", PeakFlopsTable.deviceFor("AMD Instinct MI250X").orElseThrow());
        assertEquals("AMD Instinct MI250", PeakFlopsTable.deviceFor("AMD Instinct MI250").orElseThrow());
        assertEquals("Google TPU v5e", PeakFlopsTable.deviceFor("TPU v5 lite").orElseThrow());
        assertEquals("Google TPU v5p", PeakFlopsTable.deviceFor("TPU v5p").orElseThrow());
        assertEquals("Google TPU v5p", PeakFlopsTable.deviceFor("TPU v5").orElseThrow());
        assertEquals("Google TPU v6e (Trillium)", PeakFlopsTable.deviceFor("TPU v6 lite").orElseThrow());
        assertEquals("Google TPU v4", PeakFlopsTable.deviceFor("TPU v4").orElseThrow());
    }

    @Test
    void everyPatternMatchesItsOwnDeviceName() {
        // A row's own device name resolves to that device: no earlier, more generic pattern shadows it.
        for (PeakFlops p : PeakFlopsTable.entries()) {
            if (p.device().startsWith("Google")) {
                continue; // TPU device names in traces are "TPU v4", "TPU v5 lite", ...
            }
            assertEquals(p.device(), PeakFlopsTable.deviceFor(p.device()).orElseThrow(), p.device());
        }
    }

    @Test
    void entriesForListsOneDevice() {
        List<PeakFlops> h100 = PeakFlopsTable.entriesFor("NVIDIA H100 80GB HBM3");
        assertEquals(Set.of("fp64", "fp32", "tf32", "bf16", "fp16", "fp8", "int8"),
                h100.stream().map(PeakFlops::precision).collect(Collectors.toSet()));
        assertTrue(h100.stream().allMatch(p -> p.device().equals("NVIDIA H100 SXM")));
    }

    // Precision aliases.

    @ParameterizedTest
    @CsvSource({
        "bf16, bf16", "BF16, bf16", "bfloat16, bf16", "c10::BFloat16, bf16", "torch.bfloat16, bf16",
        "fp16, fp16", "half, fp16", "c10::Half, fp16", "float16, fp16",
        "float, fp32", "fp32, fp32", "float32, fp32", "c10::Float, fp32",
        "tf32, tf32", "double, fp64", "fp64, fp64",
        "fp8, fp8", "e4m3, fp8", "e5m2, fp8", "float8_e4m3fn, fp8", "c10::Float8_e5m2, fp8", "fp8_e4m3, fp8",
        "int8, int8", "c10::qint8, int8", "nvfp4, fp4", "mxfp6, fp6"
    })
    void precisionAliases(String alias, String canonical) {
        assertEquals(Optional.of(canonical), PeakFlopsTable.normalizePrecision(alias));
    }

    @Test
    void lookupAcceptsAliases() {
        assertEquals(312e12, PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "c10::BFloat16").orElseThrow()
                .peakFlops());
        assertEquals(312e12, PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "c10::Half").orElseThrow().peakFlops());
        assertEquals(19.5e12, PeakFlopsTable.lookup("NVIDIA A100-PG509-200", "float").orElseThrow().peakFlops());
        assertEquals(4.5e15, PeakFlopsTable.lookup("NVIDIA B200", "float8_e4m3fn").orElseThrow().peakFlops());
        assertEquals(Optional.empty(), PeakFlopsTable.normalizePrecision("complex64"));
        assertEquals(Optional.empty(), PeakFlopsTable.normalizePrecision(null));
    }

    // The whole table.

    @Test
    void everyRowHasSourceAndPositiveNumber() {
        List<PeakFlops> all = PeakFlopsTable.entries();
        assertTrue(all.size() > 50);
        Set<String> seen = new HashSet<>();
        for (PeakFlops p : all) {
            assertTrue(p.peakFlops() > 0 && Double.isFinite(p.peakFlops()), p.toString());
            assertFalse(p.source().isBlank(), p.toString());
            assertTrue(p.source().contains("https://"), "source without an address: " + p);
            assertTrue(seen.add(p.device() + "/" + p.precision()), "duplicate " + p);
        }
    }

    @Test
    void requiredDevicesPresent() {
        Set<String> devices = PeakFlopsTable.entries().stream().map(PeakFlops::device).collect(Collectors.toSet());
        for (String d : List.of("NVIDIA A100 SXM", "NVIDIA A100 PCIe", "NVIDIA H100 SXM", "NVIDIA H100 PCIe",
                "NVIDIA H100 NVL", "NVIDIA H200 SXM", "NVIDIA B200", "NVIDIA GB200 (per GPU)", "NVIDIA L4",
                "NVIDIA L40S", "NVIDIA A10", "AMD Instinct MI250X", "AMD Instinct MI250", "AMD Instinct MI300X",
                "AMD Instinct MI325X", "AMD Instinct MI355X", "Google TPU v4", "Google TPU v5e", "Google TPU v5p",
                "Google TPU v6e (Trillium)")) {
            assertTrue(devices.contains(d), "missing " + d);
        }
        for (String d : devices) {
            assertTrue(PeakFlopsTable.entries().stream().anyMatch(p -> p.device().equals(d)
                    && p.precision().equals("bf16")), d + " has no bf16 peak");
        }
    }

    @Test
    void noSparseFigures() {
        assertTrue(bf16("NVIDIA H100 80GB HBM3") < 1.0e15);
        assertTrue(bf16("NVIDIA H200") < 1.0e15);
        assertTrue(bf16("NVIDIA B200") < 3.0e15);
        assertTrue(bf16("NVIDIA L4") < 200e12);
        assertTrue(bf16("NVIDIA L40S") < 500e12);
        // Within a device, dense peaks keep the tensor-core ratios: tf32 = bf16 / 2, fp16 = bf16,
        // bf16 < fp8 <= 2 × bf16 (2.05: the L40S datasheet prints BF16 362.05 but FP8 733 dense). A single
        // sparse (doubled) row breaks one of these.
        Map<String, Map<String, Double>> byDevice = PeakFlopsTable.entries().stream().collect(Collectors.groupingBy(
                PeakFlops::device, Collectors.toMap(PeakFlops::precision, PeakFlops::peakFlops)));
        byDevice.forEach((device, peaks) -> {
            double bf16 = peaks.get("bf16");
            if (peaks.containsKey("tf32")) {
                assertEquals(0.5, peaks.get("tf32") / bf16, 0.02, device + " tf32/bf16");
            }
            if (peaks.containsKey("fp16")) {
                assertEquals(bf16, peaks.get("fp16"), 1e-6 * bf16, device + " fp16 vs bf16");
            }
            if (peaks.containsKey("fp8")) {
                assertTrue(peaks.get("fp8") > bf16 && peaks.get("fp8") <= 2.05 * bf16, device + " fp8");
            }
            if (peaks.containsKey("fp32")) {
                assertTrue(peaks.get("fp32") < bf16, device + " fp32");
            }
        });
        // NVIDIA's Hopper, Ada L4 and Blackwell datasheets print sparse tensor figures: each row says it halved them.
        for (PeakFlops p : PeakFlopsTable.entries()) {
            boolean halved = p.device().matches("NVIDIA (H100|H200|GH200|B200|GB200|L4)\\b.*")
                    && Set.of("tf32", "bf16", "fp16", "fp8", "fp6", "fp4", "int8").contains(p.precision());
            if (halved) {
                assertTrue(p.source().contains("with sparsity ÷ 2"), "not marked as halved: " + p);
            }
        }
    }

    // The parser itself.

    @Test
    void parserRejectsBadTables() {
        String header = "device,match,precision,peak_flops,source\n";
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,X,bf16,-1,doc https://x\n")));
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,X,bf16,1e12,\n")));
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,X,quux,1e12,doc\n")));
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,X,bf16,1e12,doc\nX,X,bfloat16,2e12,doc\n")));
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,X,bf16,1e12,doc\nX,Y,fp16,2e12,doc\n")));
        assertThrows(IllegalArgumentException.class, () -> PeakFlopsTable.parse(new StringReader(
                header + "X,(,bf16,1e12,doc\n")));
    }
}
