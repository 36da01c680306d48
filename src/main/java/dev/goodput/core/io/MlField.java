package dev.goodput.core.io;

/**
 * The fields of an ml-goodput entry the reader turns into facts, each with how its value is held: a time and a whole
 * number are kept as a number when the JSON gives a plain one (no text made), anything else as its text.
 */
enum MlField {
    JOB_NAME("job_name", Kind.TEXT),
    JOB_START_TIME("job_start_time", Kind.TIME),
    JOB_END_TIME("job_end_time", Kind.TIME),
    STEP_START_TIME("step_start_time", Kind.TIME),
    STEP_COUNT("step_count", Kind.WHOLE),
    TPU_INIT_START_TIME("tpu_init_start_time", Kind.TIME),
    TPU_INIT_END_TIME("tpu_init_end_time", Kind.TIME),
    TRAINING_PREP_START_TIME("training_prep_start_time", Kind.TIME),
    TRAINING_PREP_END_TIME("training_prep_end_time", Kind.TIME),
    DATA_LOADING_START_TIME("data_loading_start_time", Kind.TIME),
    DATA_LOADING_END_TIME("data_loading_end_time", Kind.TIME),
    CUSTOM_BADPUT_EVENT_TYPE("custom_badput_event_type", Kind.TEXT),
    CUSTOM_BADPUT_EVENT_START_TIME("custom_badput_event_start_time", Kind.TIME),
    CUSTOM_BADPUT_EVENT_END_TIME("custom_badput_event_end_time", Kind.TIME),
    EVENT_TYPE("event_type", Kind.TEXT),
    STEP("step", Kind.WHOLE),
    CHECKPOINT_MANAGER_BLOCKING_DURATION_SECS("checkpoint_manager_blocking_duration_secs", Kind.TEXT),
    CHECKPOINT_MANAGER_DURATION_SECS("checkpoint_manager_duration_secs", Kind.TEXT),
    TIMESTAMP("timestamp", Kind.TIME);

    /** How a field's value is held. */
    enum Kind {
        /** Epoch seconds (or ISO-8601): a plain number of at most 10 whole and 6 fraction digits is held in µs. */
        TIME,
        /** A step number: a JSON integer of at most 18 digits is held as is. */
        WHOLE,
        /** Held as text. */
        TEXT
    }

    private static final int COUNT = values().length;

    final String key;
    final Kind kind;
    /** Whether the entry's time is looked for in it (the library takes any field named like a time). */
    final boolean timed;

    MlField(String key, Kind kind) {
        this.key = key;
        this.kind = kind;
        this.timed = isTimed(key);
    }

    /** The field named {@code key}, or null for one the reader does not use. */
    static MlField of(String key) {
        // Field names come from Jackson's symbol table, interned: the hash is cached and equals is identity.
        return switch (key) {
            case "job_name" -> JOB_NAME;
            case "job_start_time" -> JOB_START_TIME;
            case "job_end_time" -> JOB_END_TIME;
            case "step_start_time" -> STEP_START_TIME;
            case "step_count" -> STEP_COUNT;
            case "tpu_init_start_time" -> TPU_INIT_START_TIME;
            case "tpu_init_end_time" -> TPU_INIT_END_TIME;
            case "training_prep_start_time" -> TRAINING_PREP_START_TIME;
            case "training_prep_end_time" -> TRAINING_PREP_END_TIME;
            case "data_loading_start_time" -> DATA_LOADING_START_TIME;
            case "data_loading_end_time" -> DATA_LOADING_END_TIME;
            case "custom_badput_event_type" -> CUSTOM_BADPUT_EVENT_TYPE;
            case "custom_badput_event_start_time" -> CUSTOM_BADPUT_EVENT_START_TIME;
            case "custom_badput_event_end_time" -> CUSTOM_BADPUT_EVENT_END_TIME;
            case "event_type" -> EVENT_TYPE;
            case "step" -> STEP;
            case "checkpoint_manager_blocking_duration_secs" -> CHECKPOINT_MANAGER_BLOCKING_DURATION_SECS;
            case "checkpoint_manager_duration_secs" -> CHECKPOINT_MANAGER_DURATION_SECS;
            case "timestamp" -> TIMESTAMP;
            default -> null;
        };
    }

    static int count() {
        return COUNT;
    }

    /** A field named like a time, as the library finds an entry's time (its event type excepted). */
    static boolean isTimed(String key) {
        return key.contains("time") && !key.equals("custom_badput_event_type");
    }

    int bit() {
        return 1 << ordinal();
    }
}
