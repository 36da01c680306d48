package dev.goodput.core.model;

import java.util.Locale;
import java.util.Map;

/**
 * The one cause catalogue (docs/fault-causes.md): the hardware and software causes of Llama 3's Table 5, the
 * scheduler's, the derived ones and the framework faults analysts use, grouped, each with a label and a layer; the
 * old ids of earlier releases and their catalogue ids; readable labels for any other id.
 */
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
    public static final Cause MFU_GAP = new Cause("mfu_gap", "Below peak FLOP/s (1 − MFU)", Layer.MODEL);
    // Kept steps slower than the typical step: their excess, so a sustained slowdown costs something.
    public static final Cause SLOW_STEPS = new Cause("slow_steps", "Slow steps (above typical step time)",
            Layer.MODEL);
    // The model layer split by a profile (issue 3): where (1 − MFU) of productive time goes.
    public static final Cause GPU_IDLE = new Cause("gpu_idle", "GPU idle (host-bound / input pipeline)", Layer.MODEL);
    public static final Cause EXPOSED_COMMUNICATION = new Cause("exposed_communication",
            "Exposed communication", Layer.MODEL);
    public static final Cause MEMORY_AND_OTHER = new Cause("memory_and_other_kernels",
            "Memory copies and other non-compute kernels", Layer.MODEL);
    public static final Cause COMPUTE_BELOW_PEAK = new Cause("compute_below_peak", "Compute kernels below peak",
            Layer.MODEL);

    // The hardware and software causes: the components of Table 5 of "The Llama 3 Herd of Models" (arXiv
    // 2407.21783), exactly, with the paper's names as labels and ids made by idOf. The paper's category is the group.
    public static final Cause FAULTY_GPU = table5("Faulty GPU", Layer.INFRA);
    public static final Cause GPU_HBM3_MEMORY = table5("GPU HBM3 Memory", Layer.INFRA);
    /** The training program's (or its libraries') own bug: framework, the program is the framework layer. */
    public static final Cause SOFTWARE_BUG = table5("Software Bug", Layer.FRAMEWORK);
    public static final Cause NETWORK_SWITCH_CABLE = table5("Network Switch/Cable", Layer.INFRA);
    public static final Cause HOST_MAINTENANCE = table5("Host Maintenance", Layer.INFRA);
    public static final Cause GPU_SRAM_MEMORY = table5("GPU SRAM Memory", Layer.INFRA);
    public static final Cause GPU_SYSTEM_PROCESSOR = table5("GPU System Processor", Layer.INFRA);
    public static final Cause NIC = table5("NIC", Layer.INFRA);
    public static final Cause NCCL_WATCHDOG_TIMEOUTS = table5("NCCL Watchdog Timeouts", Layer.INFRA);
    public static final Cause SILENT_DATA_CORRUPTION = table5("Silent Data Corruption", Layer.INFRA);
    public static final Cause GPU_THERMAL_INTERFACE_SENSOR = table5("GPU Thermal Interface + Sensor", Layer.INFRA);
    public static final Cause SSD = table5("SSD", Layer.INFRA);
    public static final Cause POWER_SUPPLY = table5("Power Supply", Layer.INFRA);
    public static final Cause SERVER_CHASSIS = table5("Server Chassis", Layer.INFRA);
    public static final Cause IO_EXPANSION_BOARD = table5("IO Expansion Board", Layer.INFRA);
    public static final Cause DEPENDENCY = table5("Dependency", Layer.INFRA);
    public static final Cause CPU = table5("CPU", Layer.INFRA);
    public static final Cause SYSTEM_MEMORY = table5("System Memory", Layer.INFRA);
    /** A rank too slow for the rest, stopped by a straggler detector (NeMo's): not a Table 5 component. */
    public static final Cause STRAGGLER = new Cause("straggler", "Straggler (slow rank stopped)", Layer.INFRA);
    /** Planned maintenance: a logged downtime of kind maintenance (unplanned host maintenance is Table 5's). */
    public static final Cause MAINTENANCE = new Cause("maintenance", "Planned maintenance", Layer.INFRA);
    public static final Cause SCHEDULER = new Cause("scheduler", "Scheduler / orchestration", Layer.INFRA);
    public static final Cause GPU_OOM = new Cause("gpu_oom", "Out of memory (GPU)", Layer.FRAMEWORK);
    public static final Cause MANUAL_STOP = new Cause("manual_stop", "Stopped by hand (interrupt)", Layer.FRAMEWORK);

    /** The groups of the catalogue, in the order it lists them (docs/fault-causes.md). */
    public enum Group {
        TABLE5_GPU("Llama 3 Table 5: GPU"),
        TABLE5_HOST("Llama 3 Table 5: Host"),
        TABLE5_NETWORK("Llama 3 Table 5: Network"),
        TABLE5_DEPENDENCY("Llama 3 Table 5: Dependency"),
        TABLE5_UNPLANNED_MAINTENANCE("Llama 3 Table 5: Unplanned Maintenance"),
        TABLE5_UNKNOWN("Llama 3 Table 5: Unknown"),
        OTHER_FAULT("Other faults"),
        SCHEDULER("Scheduler"),
        INFRA_DERIVED("Infrastructure, derived"),
        FRAMEWORK_DERIVED("Framework, derived"),
        FRAMEWORK_FAULT("Framework faults"),
        MODEL("Model, measured");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The group of a Table 5 category ("GPU", "Host", "Unplanned Maintenance", ...), or null. */
        public static Group ofTable5Category(String category) {
            for (Group g : values()) {
                if (g.name().startsWith("TABLE5_") && g.label.endsWith(": " + category.trim())) {
                    return g;
                }
            }
            return null;
        }
    }

    /** One cause of the catalogue and its group. */
    public record Entry(Cause cause, Group group) {
    }

    private CauseCatalog() {
    }

    private static Cause table5(String component, Layer layer) {
        return new Cause(idOf(component), component, layer);
    }

    /** Every cause of the catalogue, grouped (group order, then the order within a group that the docs give). */
    public static java.util.List<Entry> entries() {
        return ENTRIES;
    }

    /** The catalogue's cause with this id (an old id is first made its catalogue id), or null. */
    public static Cause byId(String id) {
        Entry e = id == null ? null : BY_ID.get(canonicalId(id));
        return e == null ? null : e.cause();
    }

    /** The group of a catalogue cause, or null for an id outside the catalogue. */
    public static Group groupOf(String id) {
        Entry e = id == null ? null : BY_ID.get(canonicalId(id));
        return e == null ? null : e.group();
    }

    /**
     * Ids of earlier releases and their catalogue ids (docs/fault-causes.md, "Old ids"): applied wherever a cause id
     * enters (a fault, a logged downtime, a workspace's tags and rules), so reports only ever name catalogue ids.
     */
    public static java.util.Map<String, String> aliases() {
        return ALIASES;
    }

    /** The catalogue id of {@code id}: an old id's replacement, else {@code id} itself (null stays null). */
    public static String canonicalId(String id) {
        if (id == null) {
            return null;
        }
        String to = ALIASES.get(id);
        return to != null ? to : id;
    }

    /**
     * Causes analysts attribute lost time to, offered when they tag: the catalogue less the measured model layer.
     * Any other snake-case id is allowed too.
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
        Entry known = BY_ID.get(canonicalId(id));
        if (known != null) {
            return known.cause().label();
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

    // Last: labels of ids made readable need ACRONYMS, and the Table 5 constants idOf, declared above.
    private static final java.util.List<Entry> ENTRIES = entries(
            group(Group.TABLE5_GPU, FAULTY_GPU, GPU_HBM3_MEMORY, GPU_SRAM_MEMORY, GPU_SYSTEM_PROCESSOR,
                    SILENT_DATA_CORRUPTION, GPU_THERMAL_INTERFACE_SENSOR),
            group(Group.TABLE5_HOST, NIC, SSD, POWER_SUPPLY, SERVER_CHASSIS, IO_EXPANSION_BOARD, CPU, SYSTEM_MEMORY),
            group(Group.TABLE5_NETWORK, NETWORK_SWITCH_CABLE),
            group(Group.TABLE5_DEPENDENCY, SOFTWARE_BUG, DEPENDENCY),
            group(Group.TABLE5_UNPLANNED_MAINTENANCE, HOST_MAINTENANCE),
            group(Group.TABLE5_UNKNOWN, NCCL_WATCHDOG_TIMEOUTS),
            group(Group.OTHER_FAULT, STRAGGLER, UNATTRIBUTED_DOWNTIME),
            group(Group.SCHEDULER, QUEUE, PREEMPTION, TIME_LIMIT, USER_CANCEL, PLANNED_RESTART, NODE_FAILURE,
                    HOST_OOM, MAINTENANCE, SCHEDULER),
            group(Group.INFRA_DERIVED, PROVISIONING, IDLE_ACCELERATORS, HOT_SPARES,
                    new Cause("failure_detection", "Failure detection", Layer.INFRA),
                    new Cause("remediation", "Remediation", Layer.INFRA)),
            group(Group.FRAMEWORK_DERIVED, TRAINING_PREP, PROGRAM_STARTUP, DATA_LOADING, CHECKPOINT_SAVE,
                    CHECKPOINT_RESTORE, EVALUATION, WASTED_PROGRESS, SHUTDOWN, UNTRACKED),
            group(Group.FRAMEWORK_FAULT, GPU_OOM, new Cause("loss_spike_rollback", "Loss spike rollback",
                    Layer.FRAMEWORK), new Cause("nan_loss", "NaN loss", Layer.FRAMEWORK),
                    new Cause("config_error", "Configuration error", Layer.FRAMEWORK), MANUAL_STOP),
            group(Group.MODEL, MFU_GAP, SLOW_STEPS, GPU_IDLE, EXPOSED_COMMUNICATION, MEMORY_AND_OTHER,
                    COMPUTE_BELOW_PEAK));

    private static final Map<String, Entry> BY_ID = ENTRIES.stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(e -> e.cause().id(), e -> e));

    private static final Map<String, String> ALIASES = aliasTable();

    private static final java.util.List<Cause> TAXONOMY = ENTRIES.stream().map(Entry::cause)
            .filter(c -> c.layer() != Layer.MODEL).toList();

    private static java.util.List<Entry> group(Group g, Cause... causes) {
        return java.util.Arrays.stream(causes).map(c -> new Entry(c, g)).toList();
    }

    @SafeVarargs
    private static java.util.List<Entry> entries(java.util.List<Entry>... groups) {
        java.util.List<Entry> all = new java.util.ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (java.util.List<Entry> g : groups) {
            for (Entry e : g) {
                if (!ids.add(e.cause().id())) {
                    throw new IllegalStateException("cause " + e.cause().id() + " listed twice");
                }
                all.add(e);
            }
        }
        return java.util.List.copyOf(all);
    }

    private static Map<String, String> aliasTable() {
        Map<String, String> a = Map.ofEntries(
                Map.entry("gpu_failure", FAULTY_GPU.id()),
                Map.entry("nvlink_error", FAULTY_GPU.id()),
                Map.entry("xid_error", FAULTY_GPU.id()),
                Map.entry("gpu_ecc_error", GPU_HBM3_MEMORY.id()),
                Map.entry("network_failure", NETWORK_SWITCH_CABLE.id()),
                Map.entry("nccl_timeout", NCCL_WATCHDOG_TIMEOUTS.id()),
                Map.entry("power_or_cooling", POWER_SUPPLY.id()),
                Map.entry("storage_failure", DEPENDENCY.id()),
                Map.entry("unknown", UNATTRIBUTED_DOWNTIME.id()),
                Map.entry("other", UNATTRIBUTED_DOWNTIME.id()));
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (BY_ID.containsKey(e.getKey()) || !BY_ID.containsKey(e.getValue())) {
                throw new IllegalStateException("alias " + e.getKey() + " -> " + e.getValue());
            }
        }
        return a;
    }
}
