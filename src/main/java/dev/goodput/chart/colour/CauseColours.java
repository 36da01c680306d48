package dev.goodput.chart.colour;

import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.Map;

/**
 * The fixed colour of every catalogue cause (docs/charts-and-exports.md, "Colours"), grouped as the catalogue groups
 * them: infra in warm hues (reds, oranges, yellows, browns, pinks), framework in cool ones (blues, teals, cyans),
 * the measured model layer in purples and greys, productive time in Okabe–Ito's bluish green. The table was chosen
 * greedily, causes in order of the time they cost in the bundled runs and then in catalogue order, each taking the
 * candidate farthest ({@link ColourDistance}: ΔE00, normal and deuteranope) from the causes it can be shown with: every
 * cause of each bundled run, of each catalogue group; causes that meet seldom may come close, and a chart showing two
 * such groups the smaller as "other &lt;layer&gt;" ({@link ShownColours}). Causes outside the catalogue are given a colour
 * of their layer's hues when first drawn ({@link CauseColourBook}).
 */
public final class CauseColours {
    /** Productive time (Okabe–Ito bluish green). */
    public static final int PRODUCTIVE = 0xFF009E73;
    /** "Other infra": a cool light grey, apart from the warm infra hues. */
    public static final int OTHER_INFRA = 0xFFB4B4A8;
    /** "Other framework": a dark slate grey, apart from the framework blues. */
    public static final int OTHER_FRAMEWORK = 0xFF606054;
    /** "Other model": a bluish mid grey. */
    public static final int OTHER_MODEL = 0xFFF0E4F0;

    private static final Map<String, Integer> FIXED = Map.ofEntries(
            // Llama 3 Table 5: GPU (infra)
            Map.entry("faulty_gpu", 0xFFCCC078),
            Map.entry("gpu_hbm3_memory", 0xFF603C00),
            Map.entry("gpu_sram_memory", 0xFFFCF0B4),
            Map.entry("gpu_system_processor", 0xFFC06048),
            Map.entry("silent_data_corruption", 0xFFE40090),
            Map.entry("gpu_thermal_interface_sensor", 0xFFF0C000),
            // Llama 3 Table 5: Host (infra)
            Map.entry("nic", 0xFFF0D86C),
            Map.entry("ssd", 0xFFF0249C),
            Map.entry("power_supply", 0xFFFCA89C),
            Map.entry("server_chassis", 0xFF783054),
            Map.entry("io_expansion_board", 0xFFA80000),
            Map.entry("cpu", 0xFFCC9048),
            Map.entry("system_memory", 0xFFA8600C),
            // Llama 3 Table 5: Network (infra)
            Map.entry("network_switch_cable", 0xFFFC8400),
            // Llama 3 Table 5: Dependency (framework)
            Map.entry("software_bug", 0xFF84D8F0),
            Map.entry("dependency", 0xFF9C2430),
            // Llama 3 Table 5: Unplanned Maintenance (infra)
            Map.entry("host_maintenance", 0xFFD8786C),
            // Llama 3 Table 5: Unknown (infra)
            Map.entry("nccl_watchdog_timeouts", 0xFF841830),
            // Other faults (infra)
            Map.entry("straggler", 0xFFFCA854),
            Map.entry("unattributed_downtime", 0xFFF02418),
            // Scheduler (infra)
            Map.entry("queue", 0xFFFCD80C),
            Map.entry("preemption", 0xFFC0A86C),
            Map.entry("time_limit", 0xFFFCE4A8),
            Map.entry("user_cancel", 0xFFF01800),
            Map.entry("planned_restart", 0xFF603C18),
            Map.entry("node_failure", 0xFFCC2484),
            Map.entry("host_oom", 0xFFFC48A8),
            Map.entry("maintenance", 0xFFC0183C),
            Map.entry("scheduler", 0xFFF09000),
            // Infrastructure, derived (infra)
            Map.entry("provisioning", 0xFFFCF000),
            Map.entry("idle_accelerators", 0xFFFC5418),
            Map.entry("hot_spares", 0xFF544800),
            Map.entry("failure_detection", 0xFFF0CC90),
            Map.entry("remediation", 0xFF847830),
            // Framework, derived (framework)
            Map.entry("training_prep", 0xFF00B4FC),
            Map.entry("program_startup", 0xFF005454),
            Map.entry("data_loading", 0xFF6CB4B4),
            Map.entry("checkpoint_save", 0xFF1878D8),
            Map.entry("checkpoint_restore", 0xFF0048FC),
            Map.entry("evaluation", 0xFF003CA8),
            Map.entry("wasted_progress", 0xFF186C84),
            Map.entry("shutdown", 0xFF6CE4FC),
            Map.entry("untracked", 0xFF7884B4),
            // Framework faults (framework)
            Map.entry("gpu_oom", 0xFF548484),
            Map.entry("loss_spike_rollback", 0xFF30486C),
            Map.entry("nan_loss", 0xFF2490FC),
            Map.entry("config_error", 0xFF9C9CCC),
            Map.entry("manual_stop", 0xFF546CA8),
            // Model, measured (model)
            Map.entry("mfu_gap", 0xFFCC79A7),
            Map.entry("slow_steps", 0xFFA3517F),
            Map.entry("gpu_idle", 0xFF1848FC),
            Map.entry("exposed_communication", 0xFF9C84FC),
            Map.entry("memory_and_other_kernels", 0xFFF0A8FC),
            Map.entry("compute_below_peak", 0xFF786CA8)
    );

    /** Candidates for causes outside the catalogue, per layer: the sRGB grid in steps of 17, within the layer's hues. */
    private static final int[][] CANDIDATES = new int[Layer.values().length][];

    private CauseColours() {
    }

    /** The fixed colour of a catalogue cause (an old id is first made its catalogue id); 0 outside the catalogue. */
    public static int fixed(String id) {
        Integer c = id == null ? null : FIXED.get(CauseCatalog.canonicalId(id));
        return c == null ? 0 : c;
    }

    /** The colour of the "other &lt;layer&gt;" group a chart gathers its smallest causes in. */
    public static int other(Layer layer) {
        if (layer == Layer.INFRA) {
            return OTHER_INFRA;
        }
        return layer == Layer.FRAMEWORK ? OTHER_FRAMEWORK : OTHER_MODEL;
    }

    /**
     * The colours a cause outside the catalogue may be given in {@code layer}, in a fixed order: the sRGB grid in
     * steps of 17 whose CIELAB lightness is 28–95 and whose hue is the layer's (infra: 350°–100°, chroma at least 30;
     * framework: 180°–300°, chroma at least 15; model: 312°–350°, chroma at least 20), as the table's.
     */
    public static synchronized int[] candidates(Layer layer) {
        int[] c = CANDIDATES[layer.ordinal()];
        if (c == null) {
            java.util.List<Integer> list = new java.util.ArrayList<>();
            for (int r = 0; r < 256; r += 17) {
                for (int g = 0; g < 256; g += 17) {
                    for (int b = 0; b < 256; b += 17) {
                        int rgb = 0xFF000000 | (r << 16) | (g << 8) | b;
                        if (inHues(layer, Ciede2000.lab(rgb))) {
                            list.add(rgb);
                        }
                    }
                }
            }
            c = list.stream().mapToInt(Integer::intValue).toArray();
            CANDIDATES[layer.ordinal()] = c;
        }
        return c.clone();
    }

    private static boolean inHues(Layer layer, double[] lab) {
        if (lab[0] < 28 || lab[0] > 95) {
            return false;
        }
        double chroma = Math.hypot(lab[1], lab[2]);
        double hue = Math.toDegrees(Math.atan2(lab[2], lab[1]));
        hue = hue < 0 ? hue + 360 : hue;
        if (layer == Layer.INFRA) {
            return chroma >= 30 && (hue <= 100 || hue >= 350);
        }
        if (layer == Layer.FRAMEWORK) {
            return chroma >= 15 && hue >= 180 && hue <= 300;
        }
        return chroma >= 20 && hue > 312 && hue < 350;
    }
}
