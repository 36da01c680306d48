package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old cause ids in tags and rules read as catalogue ids, whatever the version, each with a warning at its line. */
class CauseIdMigrationTest {
    /** A version 2 file as an earlier release wrote it, with the ids of its taxonomy. */
    static final String OLD_IDS = """
            {
              "format" : "goodput-workspace",
              "version" : 2,
              "tags" : [
                { "id" : "t1", "start" : "2025-03-03T09:10:00.000000Z", "end" : "2025-03-03T09:12:00.000000Z",
                  "cause" : "gpu_failure", "layer" : "infra", "only_cause" : "unknown", "note" : "" },
                { "id" : "t2", "start" : "2025-03-03T09:12:00.000000Z", "end" : "2025-03-03T09:13:00.000000Z",
                  "cause" : "eval_deadlock", "layer" : "framework", "only_cause" : null, "note" : "" }
              ],
              "rules" : [
                { "id" : "r1", "name" : "NCCL timeouts", "message" : "NCCL.*timeout", "source" : null,
                  "from" : null, "to" : null, "cause" : "nccl_timeout", "layer" : "infra", "enabled" : true }
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void oldIdsBecomeCatalogueIdsWithAWarningAtTheirLine() throws Exception {
        Path file = dir.resolve("old-ids.goodput");
        Files.writeString(file, OLD_IDS);
        Loaded<Workspace> loaded = WorkspaceStore.load(file);
        Overlay o = loaded.value().overlay();
        assertEquals("faulty_gpu", o.tags().get(0).cause());
        assertEquals("unattributed_downtime", o.tags().get(0).onlyCause());
        assertEquals("eval_deadlock", o.tags().get(1).cause(), "an analyst's own id is kept");
        assertEquals("nccl_watchdog_timeouts", o.rules().get(0).cause());
        assertEquals(2, loaded.fileVersion(), "no new version: the ids changed within version 2");
        assertEquals(List.of(
                "old-ids.goodput:6: tag t1: cause \"gpu_failure\" is now \"faulty_gpu\" in the cause catalogue; "
                        + "saving writes the new id",
                "old-ids.goodput:6: tag t1: cause \"unknown\" is now \"unattributed_downtime\" in the cause catalogue; "
                        + "saving writes the new id",
                "old-ids.goodput:12: rule r1: cause \"nccl_timeout\" is now \"nccl_watchdog_timeouts\" in the cause "
                        + "catalogue; saving writes the new id"),
                loaded.warnings().stream().map(p -> p.source().file().replaceAll(".*/", "") + ":"
                        + p.source().line() + ": " + p.message()).toList());

        WorkspaceStore.save(loaded.value(), file);
        String saved = Files.readString(file);
        assertTrue(saved.contains("\"cause\" : \"faulty_gpu\"") && !saved.contains("gpu_failure"), saved);
        Loaded<Workspace> again = WorkspaceStore.load(file);
        assertEquals(loaded.value(), again.value());
        assertEquals(List.<Problem>of(), again.warnings());
    }

    @Test
    void aVersion1TagWithAnOldIdIsMigratedTwice() throws Exception {
        Path file = dir.resolve("v1.goodput");
        Files.writeString(file, WorkspaceMigrationTest.V1.replace("\"cause\": \"faulty_gpu\"",
                "\"cause\": \"nvlink_error\""));
        Loaded<Workspace> loaded = WorkspaceStore.load(file);
        assertEquals("faulty_gpu", loaded.value().overlay().tags().get(0).cause());
        assertEquals(1, loaded.warnings().size(), loaded.warnings().toString());
    }

    @Test
    void anAttributionFileIsMigratedToo() throws Exception {
        Path file = dir.resolve("shared.json");
        Files.writeString(file, OLD_IDS.replace("goodput-workspace", "goodput-attributions"));
        Loaded<Overlay> loaded = AttributionFile.read(file);
        assertEquals("faulty_gpu", loaded.value().tags().get(0).cause());
        assertEquals(3, loaded.warnings().size());
    }
}
