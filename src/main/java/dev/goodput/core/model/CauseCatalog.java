package dev.goodput.core.model;

import java.util.Locale;
import java.util.Map;

/** The standard badput causes the derivation assigns, and readable labels for cause ids. */
public final class CauseCatalog {
    public static final Cause UNATTRIBUTED_DOWNTIME = new Cause("unattributed_downtime", "Unattributed downtime",
            Layer.INFRA);
    public static final Cause PREEMPTION = new Cause("preemption", "Preemption", Layer.INFRA);
    public static final Cause PROVISIONING = new Cause("provisioning", "Provisioning / device init", Layer.INFRA);
    public static final Cause IDLE_ACCELERATORS = new Cause("idle_accelerators",
            "Allocated accelerators not in use", Layer.INFRA);
    // Scheduler causes (docs/derivation.md, "Scheduler records"): planned ends and what the scheduler says.
    public static final Cause QUEUE = new Cause("queue", "Queueing", Layer.INFRA);
    public static final Cause TIME_LIMIT = new Cause("time_limit", "Time limit (planned restart)", Layer.INFRA);
    public static final Cause USER_CANCEL = new Cause("user_cancel", "Cancelled by a user", Layer.INFRA);
    public static final Cause PLANNED_RESTART = new Cause("planned_restart", "Planned restart", Layer.INFRA);
    public static final Cause NODE_FAILURE = new Cause("node_failure", "Node failure", Layer.INFRA);
    public static final Cause HOST_OOM = new Cause("host_oom", "Out of memory (host)", Layer.INFRA);
    public static final Cause HOT_SPARES = new Cause("hot_spares", "Hot spares (reserve accelerators)", Layer.INFRA);
    public static final Cause TRAINING_PREP = new Cause("training_prep", "Training preparation", Layer.FRAMEWORK);
    public static final Cause PROGRAM_STARTUP = new Cause("program_startup", "Program startup / compile",
            Layer.FRAMEWORK);
    public static final Cause DATA_LOADING = new Cause("data_loading", "Synchronous data loading", Layer.FRAMEWORK);
    public static final Cause CHECKPOINT_SAVE = new Cause("checkpoint_save", "Blocking checkpoint save",
            Layer.FRAMEWORK);
    public static final Cause CHECKPOINT_RESTORE = new Cause("checkpoint_restore", "Checkpoint restore",
            Layer.FRAMEWORK);
    public static final Cause EVALUATION = new Cause("evaluation", "Evaluation", Layer.FRAMEWORK);
    public static final Cause WASTED_PROGRESS = new Cause("wasted_progress", "Wasted progress (rolled back)",
            Layer.FRAMEWORK);
    public static final Cause SHUTDOWN = new Cause("shutdown", "Shutdown after last step", Layer.FRAMEWORK);
    public static final Cause UNTRACKED = new Cause("untracked", "Untracked time between steps", Layer.FRAMEWORK);
    public static final Cause MFU_GAP = new Cause("mfu_gap", "Below peak FLOP/s (1 - MFU)", Layer.MODEL);
    // Kept steps slower than the typical step: their excess, so a sustained slowdown costs something.
    public static final Cause SLOW_STEPS = new Cause("slow_steps", "Slow steps (above typical step time)",
            Layer.MODEL);
    // The model layer split by a profile (issue 3): where (1 - MFU) of productive time goes.
    public static final Cause GPU_IDLE = new Cause("gpu_idle", "GPU idle (host-bound / input pipeline)", Layer.MODEL);
    public static final Cause EXPOSED_COMMUNICATION = new Cause("exposed_communication",
            "Exposed communication", Layer.MODEL);
    public static final Cause MEMORY_AND_OTHER = new Cause("memory_and_other_kernels",
            "Memory copies and other non-compute kernels", Layer.MODEL);
    public static final Cause COMPUTE_BELOW_PEAK = new Cause("compute_below_peak", "Compute kernels below peak",
            Layer.MODEL);

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(UNATTRIBUTED_DOWNTIME.id(), UNATTRIBUTED_DOWNTIME.label()),
            Map.entry(PREEMPTION.id(), PREEMPTION.label()),
            Map.entry(PROVISIONING.id(), PROVISIONING.label()),
            Map.entry(IDLE_ACCELERATORS.id(), IDLE_ACCELERATORS.label()),
            Map.entry(TRAINING_PREP.id(), TRAINING_PREP.label()),
            Map.entry(PROGRAM_STARTUP.id(), PROGRAM_STARTUP.label()),
            Map.entry(DATA_LOADING.id(), DATA_LOADING.label()),
            Map.entry(CHECKPOINT_SAVE.id(), CHECKPOINT_SAVE.label()),
            Map.entry(CHECKPOINT_RESTORE.id(), CHECKPOINT_RESTORE.label()),
            Map.entry(EVALUATION.id(), EVALUATION.label()),
            Map.entry(WASTED_PROGRESS.id(), WASTED_PROGRESS.label()),
            Map.entry(SHUTDOWN.id(), SHUTDOWN.label()),
            Map.entry(UNTRACKED.id(), UNTRACKED.label()),
            Map.entry(MFU_GAP.id(), MFU_GAP.label()),
            Map.entry(SLOW_STEPS.id(), SLOW_STEPS.label()),
            Map.entry(GPU_IDLE.id(), GPU_IDLE.label()),
            Map.entry(EXPOSED_COMMUNICATION.id(), EXPOSED_COMMUNICATION.label()),
            Map.entry(MEMORY_AND_OTHER.id(), MEMORY_AND_OTHER.label()),
            Map.entry(COMPUTE_BELOW_PEAK.id(), COMPUTE_BELOW_PEAK.label()),
            Map.entry(QUEUE.id(), QUEUE.label()),
            Map.entry(TIME_LIMIT.id(), TIME_LIMIT.label()),
            Map.entry(USER_CANCEL.id(), USER_CANCEL.label()),
            Map.entry(PLANNED_RESTART.id(), PLANNED_RESTART.label()),
            Map.entry(NODE_FAILURE.id(), NODE_FAILURE.label()),
            Map.entry(HOST_OOM.id(), HOST_OOM.label()),
            Map.entry(HOT_SPARES.id(), HOT_SPARES.label()),
            Map.entry("scheduler", "Scheduler / orchestration"),
            Map.entry("maintenance", "Maintenance"),
            Map.entry("unknown", "Unknown fault"));

    private CauseCatalog() {
    }

    /**
     * Causes analysts attribute lost time to, offered when they tag: the ones the derivation assigns and the usual
     * infrastructure and framework faults of large training runs. Any other snake-case id is allowed too.
     */
    public static java.util.List<Cause> taxonomy() {
        return TAXONOMY;
    }


    /** Words written in capitals in labels made from ids. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("gpu", "cpu", "tpu", "nic", "ssd", "hbm",
            "hbm2", "hbm2e", "hbm3", "hbm3e", "sram", "dram", "nccl", "rccl", "io", "ecc", "oom", "nan", "pcie",
            "nvlink", "sdc", "os", "bios", "bmc", "psu", "ib", "rdma", "xid", "mfu");

    /** The catalogue label, or the id made readable ("faulty_gpu" → "Faulty GPU"). */
    public static String labelFor(String id) {
        String known = LABELS.get(id);
        if (known != null) {
            return known;
        }
        String[] words = id.split("_");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(ACRONYMS.contains(w) ? w.toUpperCase(Locale.ROOT) : w);
        }
        String label = sb.toString();
        return label.isEmpty() ? id : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** The cause a phase's time is lost to. */
    public static Cause forPhase(Phase phase) {
        return switch (phase.kind()) {
            case PROVISIONING -> layered(PROVISIONING, phase.layer());
            case TRAINING_PREP -> layered(TRAINING_PREP, phase.layer());
            case PROGRAM_STARTUP -> layered(PROGRAM_STARTUP, phase.layer());
            case DATA_LOADING -> layered(DATA_LOADING, phase.layer());
            case CHECKPOINT_SAVE -> layered(CHECKPOINT_SAVE, phase.layer());
            case CHECKPOINT_RESTORE -> layered(CHECKPOINT_RESTORE, phase.layer());
            case EVALUATION -> layered(EVALUATION, phase.layer());
            case CUSTOM -> Cause.of(customId(phase.name()), phase.layer());
        };
    }

    private static String customId(String name) {
        String id = name == null ? "" : idOf(name);
        return id.isEmpty() ? "custom" : id;
    }

    /**
     * A name made a cause id by the run logs' convention ("Network Switch/Cable" → {@code network_switch_cable});
     * empty when nothing of it is a letter or digit.
     */
    public static String idOf(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static Cause layered(Cause base, Layer layer) {
        return layer == base.layer() ? base : new Cause(base.id(), base.label(), layer);
    }

    // Last: labels of ids made readable need ACRONYMS, declared above.
    private static final java.util.List<Cause> TAXONOMY = java.util.List.of(
            UNATTRIBUTED_DOWNTIME, PREEMPTION, PROVISIONING, IDLE_ACCELERATORS,
            Cause.of("faulty_gpu", Layer.INFRA), Cause.of("gpu_failure", Layer.INFRA),
            Cause.of("gpu_ecc_error", Layer.INFRA), Cause.of("xid_error", Layer.INFRA),
            Cause.of("nvlink_error", Layer.INFRA), Cause.of("network_failure", Layer.INFRA),
            Cause.of("nccl_timeout", Layer.INFRA), Cause.of("node_failure", Layer.INFRA),
            Cause.of("host_oom", Layer.INFRA), Cause.of("storage_failure", Layer.INFRA),
            Cause.of("power_or_cooling", Layer.INFRA), Cause.of("maintenance", Layer.INFRA),
            Cause.of("scheduler", Layer.INFRA), Cause.of("queue", Layer.INFRA),
            Cause.of("failure_detection", Layer.INFRA), Cause.of("remediation", Layer.INFRA),
            TRAINING_PREP, PROGRAM_STARTUP, DATA_LOADING, CHECKPOINT_SAVE, CHECKPOINT_RESTORE, EVALUATION,
            WASTED_PROGRESS, SHUTDOWN, UNTRACKED,
            Cause.of("software_bug", Layer.FRAMEWORK), Cause.of("loss_spike_rollback", Layer.FRAMEWORK),
            Cause.of("nan_loss", Layer.FRAMEWORK), Cause.of("gpu_oom", Layer.FRAMEWORK),
            Cause.of("config_error", Layer.FRAMEWORK), Cause.of("manual_stop", Layer.FRAMEWORK));
}
