package dev.goodput.core.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.io.InputException;
import dev.goodput.core.model.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionFileTest {
    @TempDir
    Path dir;

    @Test
    void exportedAttributionsImportAsTheyWere() throws Exception {
        Overlay overlay = TestWorkspaces.rich().overlay();
        Path file = dir.resolve("march" + AttributionFile.EXTENSION);
        AttributionFile.export(overlay, file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"format\" : \"goodput-attributions\",\n  \"version\" : 2,\n"), text);
        assertFalse(text.contains("\"inputs\"") || text.contains("\"settings\"") || text.contains("\"notes\""), text);
        Loaded<Overlay> back = AttributionFile.read(file);
        assertEquals(overlay, back.value());
        assertTrue(back.warnings().isEmpty());
    }

    @Test
    void aTeammatesWorkspaceImportsAsItsAttributionsAndMerges() throws Exception {
        Workspace theirs = TestWorkspaces.rich();
        Path file = dir.resolve("theirs.goodput");
        WorkspaceStore.save(theirs, file);
        Loaded<Overlay> imported = AttributionFile.read(file);
        assertEquals(theirs.overlay(), imported.value());
        assertTrue(imported.warnings().isEmpty(), imported.warnings().toString());

        Tag mine = new Tag("mine", TestWorkspaces.T0 + 11 * TestWorkspaces.MINUTE,
                TestWorkspaces.T0 + 11 * TestWorkspaces.MINUTE + 1, "network", Layer.INFRA, null, "");
        MergeResult r = OverlayMerge.merge(new Overlay(List.of(mine), List.of(), List.of()), imported.value());
        assertEquals(1, r.conflicts().size());
        assertTrue(r.conflicts().get(0).describe().endsWith("yours network (infra) over 2025-03-03 09:11:00–09:11:00 "
                + "UTC vs theirs faulty_gpu (infra) over 2025-03-03 09:10:00–09:12:00 UTC"),
                r.conflicts().get(0).describe());
    }

    @Test
    void otherFilesAreRefused() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"schema\": \"goodput-report/1\"}");
        InputException e = assertThrows(InputException.class, () -> AttributionFile.read(report));
        assertEquals(report + ":1: expected \"format\": \"goodput-attributions\" or \"goodput-workspace\", found no "
                + "format (not a Goodput Workbench file?)", e.getMessage());
    }
}
