package dev.goodput.core.model;

import java.util.Locale;

/** Kinds of non-step activity inside a job attempt, each with the layer its time is lost to. */
public enum PhaseKind {
    PROVISIONING("provisioning", Layer.INFRA),
    TRAINING_PREP("training_prep", Layer.FRAMEWORK),
    PROGRAM_STARTUP("program_startup", Layer.FRAMEWORK),
    DATA_LOADING("data_loading", Layer.FRAMEWORK),
    CHECKPOINT_SAVE("checkpoint_save", Layer.FRAMEWORK),
    CHECKPOINT_RESTORE("checkpoint_restore", Layer.FRAMEWORK),
    EVALUATION("evaluation", Layer.FRAMEWORK),
    CUSTOM("custom", Layer.FRAMEWORK);

    private final String id;
    private final Layer layer;

    PhaseKind(String id, Layer layer) {
        this.id = id;
        this.layer = layer;
    }

    public String id() {
        return id;
    }

    public Layer layer() {
        return layer;
    }

    /** Accepts the canonical ids and common synonyms; null when unknown. */
    public static PhaseKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (PhaseKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        return switch (t) {
            case "device_init", "tpu_init", "gpu_init", "init", "provision" -> PROVISIONING;
            case "prep", "setup" -> TRAINING_PREP;
            case "startup", "compile", "compilation", "program_start" -> PROGRAM_STARTUP;
            case "data_load", "dataloading", "input" -> DATA_LOADING;
            case "checkpoint", "ckpt_save", "save" -> CHECKPOINT_SAVE;
            case "restore", "ckpt_restore", "checkpoint_load", "load_checkpoint" -> CHECKPOINT_RESTORE;
            case "eval", "validation" -> EVALUATION;
            default -> null;
        };
    }
}
