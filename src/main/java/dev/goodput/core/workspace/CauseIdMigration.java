package dev.goodput.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.CauseCatalog;

/**
 * Gives the tags and rules of a file of any version the cause catalogue's ids: an id of an earlier release
 * ({@code gpu_failure}, {@code nccl_timeout}, …; docs/fault-causes.md, "Old ids") becomes its catalogue id, with a
 * warning at its line. Not a version step: the ids changed within version 2, and an old id still reads as the same
 * cause in any release, so older releases lose nothing when they read the new ids (docs/workspace-format.md).
 */
final class CauseIdMigration {
    private CauseIdMigration() {
    }

    static void apply(JsonDocument doc) throws InputException {
        ObjectNode root = doc.root();
        for (ObjectNode tag : doc.objects(root, "tags")) {
            rename(doc, tag, "cause", "tag");
            rename(doc, tag, "only_cause", "tag");
        }
        for (ObjectNode rule : doc.objects(root, "rules")) {
            rename(doc, rule, "cause", "rule");
        }
    }

    private static void rename(JsonDocument doc, ObjectNode o, String field, String what) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            return; // the reader reports what is wrong with it
        }
        String id = v.textValue();
        String to = CauseCatalog.canonicalId(id);
        if (!to.equals(id)) {
            o.put(field, to);
            JsonNode name = o.get("id");
            doc.warn(o, field, what + (name != null && name.isTextual() ? " " + name.textValue() : "") + ": cause \""
                    + id + "\" is now \"" + to + "\" in the cause catalogue; saving writes the new id");
        }
    }
}
