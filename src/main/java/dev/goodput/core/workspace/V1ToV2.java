package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Version 1 → 2. Version 1 kept the window and peak at the top level and tags as {@code {start, end, cause}}:
 * no ids, and the layer implied by the cause's catalogue layer. Version 2 groups the derivation settings under
 * {@code settings}, gives every tag an id and a layer, and adds rules and fault roles (none here).
 */
final class V1ToV2 implements MigrationStep {
    /**
     * Catalogue causes by id. Version 1 could only tag lost time with a catalogue cause or a downtime cause of
     * its own (queue, maintenance, a fault id, …): those are infra, as downtime is.
     */
    private static final Map<String, Layer> CATALOGUE = Stream.of(
                    CauseCatalog.UNATTRIBUTED_DOWNTIME, CauseCatalog.PREEMPTION, CauseCatalog.PROVISIONING,
                    CauseCatalog.IDLE_ACCELERATORS, CauseCatalog.TRAINING_PREP, CauseCatalog.PROGRAM_STARTUP,
                    CauseCatalog.DATA_LOADING, CauseCatalog.CHECKPOINT_SAVE, CauseCatalog.CHECKPOINT_RESTORE,
                    CauseCatalog.EVALUATION, CauseCatalog.WASTED_PROGRESS, CauseCatalog.SHUTDOWN,
                    CauseCatalog.UNTRACKED, CauseCatalog.MFU_GAP, CauseCatalog.GPU_IDLE,
                    CauseCatalog.EXPOSED_COMMUNICATION, CauseCatalog.MEMORY_AND_OTHER, CauseCatalog.COMPUTE_BELOW_PEAK)
            .collect(Collectors.toUnmodifiableMap(Cause::id, Cause::layer));

    @Override
    public int from() {
        return 1;
    }

    @Override
    public void apply(JsonDocument doc) throws InputException {
        ObjectNode root = doc.root();
        ObjectNode settings = doc.objectNear(root);
        doc.move(root, "window", settings, "window");
        doc.move(root, "peak_flops", settings, "peak_flops");
        root.set("settings", settings);
        int n = 0;
        for (ObjectNode tag : doc.objects(root, "tags")) {
            n++;
            if (!tag.hasNonNull("id")) {
                tag.put("id", "v1-tag-" + n); // stable: the same file always migrates to the same ids
            }
            JsonNode cause = tag.get("cause");
            if (!tag.hasNonNull("layer") && cause != null && cause.isTextual()) {
                tag.put("layer", layerOf(cause.textValue()).id());
            }
        }
    }

    private static Layer layerOf(String cause) {
        return CATALOGUE.getOrDefault(cause, Layer.INFRA);
    }
}
