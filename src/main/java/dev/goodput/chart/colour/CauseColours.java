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
    public static final int OTHER_INFRA = 0xFF9CB4B4;
    /** "Other framework": a dark slate grey, apart from the framework blues. */
    public static final int OTHER_FRAMEWORK = 0xFF54606C;
    /** "Other model": a bluish mid grey. */
    public static final int OTHER_MODEL = 0xFF848490;

    private static final Map<String, Integer> FIXED = Map.ofEntries(
            // Llama 3 Table 5: GPU (infra)
            Map.entry("faulty_gpu", 0xFFFCB49C),
            Map.entry("gpu_hbm3_memory", 0xFFC0B400),
            Map.entry("gpu_sram_memory", 0xFFF0849C),
            Map.entry("gpu_system_processor", 0xFF9C5448),
            Map.entry("silent_data_corruption", 0xFF784800),
            Map.entry("gpu_thermal_interface_sensor", 0xFFE40C18),
            // Llama 3 Table 5: Host (infra)
            Map.entry("nic", 0xFFFCE490),
            Map.entry("ssd", 0xFFE49C90),
            Map.entry("power_supply", 0xFFE4CC0C),
            Map.entry("server_chassis", 0xFF843C3C),
            Map.entry("io_expansion_board", 0xFFFC4818),
            Map.entry("cpu", 0xFF782448),
            Map.entry("system_memory", 0xFFC0483C),
            // Llama 3 Table 5: Network (infra)
            Map.entry("network_switch_cable", 0xFF603C18),
            // Llama 3 Table 5: Dependency (framework)
            Map.entry("software_bug", 0xFF0CC0D8),
            Map.entry("dependency", 0xFFF0B46C),
            // Llama 3 Table 5: Unplanned Maintenance (infra)
            Map.entry("host_maintenance", 0xFFC00C00),
            // Llama 3 Table 5: Unknown (infra)
            Map.entry("nccl_watchdog_timeouts", 0xFFE4906C),
            // Other faults (infra)
            Map.entry("straggler", 0xFF9C3030),
            Map.entry("unattributed_downtime", 0xFFC07848),
            // Scheduler (infra)
            Map.entry("queue", 0xFFFCC03C),
            Map.entry("preemption", 0xFFFCF0B4),
            Map.entry("time_limit", 0xFFE47848),
            Map.entry("user_cancel", 0xFFB43030),
            Map.entry("planned_restart", 0xFFFC9CA8),
            Map.entry("node_failure", 0xFF603C0C),
            Map.entry("host_oom", 0xFFE40000),
            Map.entry("maintenance", 0xFF903C54),
            Map.entry("scheduler", 0xFFA87854),
            // Infrastructure, derived (infra)
            Map.entry("provisioning", 0xFFFCF000),
            Map.entry("idle_accelerators", 0xFF900048),
            Map.entry("hot_spares", 0xFF544800),
            Map.entry("failure_detection", 0xFFE49C54),
            Map.entry("remediation", 0xFFE4243C),
            // Framework, derived (framework)
            Map.entry("training_prep", 0xFF00FCFC),
            Map.entry("program_startup", 0xFF3C3C78),
            Map.entry("data_loading", 0xFF184854),
            Map.entry("checkpoint_save", 0xFF0048FC),
            Map.entry("checkpoint_restore", 0xFF3060A8),
            Map.entry("evaluation", 0xFF5490FC),
            Map.entry("wasted_progress", 0xFFC0FCF0),
            Map.entry("shutdown", 0xFF00C0D8),
            Map.entry("untracked", 0xFF0084A8),
            // Framework faults (framework)
            Map.entry("gpu_oom", 0xFF486CF0),
            Map.entry("loss_spike_rollback", 0xFF003CC0),
            Map.entry("nan_loss", 0xFF30B4FC),
            Map.entry("config_error", 0xFFA8FCFC),
            Map.entry("manual_stop", 0xFF004860),
            // Model, measured (model)
            Map.entry("mfu_gap", 0xFF6C6C60),
            Map.entry("slow_steps", 0xFF48483C),
            Map.entry("gpu_idle", 0xFF600CA8),
            Map.entry("exposed_communication", 0xFFFCD8FC),
            Map.entry("memory_and_other_kernels", 0xFFA854FC),
            Map.entry("compute_below_peak", 0xFFFC78FC)
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
