package dev.goodput.app.attribution;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CauseChoicesTest {
    private static GoodputReport bloom;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive().report();
    }

    @Test
    void theTaxonomyComesInLayerOrderThenByLabel() {
        CauseChoices choices = CauseChoices.of(null, Overlay.EMPTY);
        assertEquals(CauseCatalog.taxonomy().stream().map(Cause::id).collect(Collectors.toSet()),
                choices.all().stream().map(Cause::id).collect(Collectors.toSet()));
        List<Cause> sorted = choices.all().stream().sorted(Comparator.comparing(Cause::layer)
                .thenComparing(c -> c.label().toLowerCase(Locale.ROOT))).toList();
        assertEquals(sorted, choices.all());
        assertEquals(Layer.INFRA, choices.all().get(0).layer());
        assertEquals(Layer.FRAMEWORK, choices.all().get(choices.all().size() - 1).layer());
        assertEquals(choices.all().stream().map(Cause::label).toList(), choices.labels());
    }

    @Test
    void causesInUseAreOfferedOnceAndModelCausesNever() {
        Overlay overlay = new Overlay(
                List.of(new Tag("t", 0, 10, "bad_psu", Layer.INFRA, null, ""),
                        new Tag("t2", 10, 20, "faulty_gpu", Layer.INFRA, null, "")),
                List.of(new Rule("r", "", "x", null, Long.MIN_VALUE, Long.MAX_VALUE, "dataloader_deadlock",
                        Layer.FRAMEWORK, true), new Rule("r2", "", "y", null, Long.MIN_VALUE, Long.MAX_VALUE,
                        "bad_psu", Layer.INFRA, true)), List.of());
        CauseChoices choices = CauseChoices.of(bloom, overlay);
        List<String> ids = choices.all().stream().map(Cause::id).toList();
        assertEquals(Set.copyOf(ids).size(), ids.size(), "each once: " + ids);
        assertTrue(ids.containsAll(List.of("bad_psu", "dataloader_deadlock", "eval_deadlock", "faulty_gpu")),
                ids.toString());
        assertTrue(ids.stream().noneMatch(id -> choices.all().stream().anyMatch(c -> c.id().equals(id)
                && c.layer() == Layer.MODEL)), "measured model-layer causes are never offered");
        assertTrue(bloom.badput().stream().anyMatch(s -> s.layer() == Layer.MODEL), "the sample has some to leave out");
    }

    @Test
    void typedTextIsReadAsAnIdALabelOrANewName() {
        CauseChoices choices = CauseChoices.of(null, Overlay.EMPTY);
        assertEquals(Optional.of(Cause.of("faulty_gpu", Layer.INFRA)), choices.parse("faulty_gpu", Layer.FRAMEWORK));
        assertEquals(Optional.of(Cause.of("faulty_gpu", Layer.INFRA)), choices.parse("  fAULTY gpu ", Layer.FRAMEWORK));
        assertEquals(Optional.of(CauseCatalog.CHECKPOINT_SAVE), choices.parse("blocking checkpoint save", Layer.INFRA));
        assertEquals(Optional.of(Cause.of("bad_psu", Layer.FRAMEWORK)), choices.parse("Bad PSU!", Layer.FRAMEWORK));
        assertEquals(Optional.of(Cause.of("rack_12_power", Layer.INFRA)), choices.parse("  Rack 12 / power ",
                Layer.INFRA));
        assertEquals(Optional.empty(), choices.parse("   ", Layer.INFRA));
        assertEquals(Optional.empty(), choices.parse(null, Layer.INFRA));
        assertEquals(Optional.empty(), choices.parse("?!", Layer.INFRA));
    }

    @Test
    void knownIsAnIdOrALabelOnlyNeverANewName() {
        CauseChoices choices = CauseChoices.of(null, Overlay.EMPTY);
        assertEquals(Optional.of(Cause.of("faulty_gpu", Layer.INFRA)), choices.known("faulty_gpu"));
        assertEquals(Optional.of(Cause.of("faulty_gpu", Layer.INFRA)), choices.known(" fAULTY gpu "));
        assertEquals(Optional.empty(), choices.known("Faulty_GPU"), "ids are matched exactly");
        assertEquals(Optional.empty(), choices.known("Bad PSU"));
        assertEquals(Optional.empty(), choices.known(""));
        assertEquals(Optional.empty(), choices.known(null));
    }

    private static List<String> ids(List<CauseSuggestion> suggestions) {
        return suggestions.stream().map(s -> s.cause().id()).toList();
    }

    @Test
    void typingOffersTheRunsOwnCauseFirst() {
        CauseChoices choices = CauseChoices.of(bloom, Overlay.EMPTY);
        for (String typed : List.of("faulty", "gpu", "GPU", "faulty g", "Faulty_gpu")) {
            List<CauseSuggestion> found = choices.matching(typed);
            assertEquals("faulty_gpu", found.get(0).cause().id(), typed + ": " + ids(found));
            assertTrue(found.get(0).inRun());
            assertTrue(found.get(0).seconds() > 0);
        }
        List<String> gpu = ids(choices.matching("gpu"));
        assertTrue(gpu.containsAll(List.of("gpu_hbm3_memory", "gpu_oom", "gpu_sram_memory")), gpu.toString());
        assertTrue(gpu.stream().noneMatch(id -> id.equals("gpu_idle")), "model-layer causes are never offered");
    }

    @Test
    void theRunsCausesComeBeforeTheCataloguesByTheTimeTheyCarry() {
        CauseChoices choices = CauseChoices.of(bloom, Overlay.EMPTY);
        List<CauseSuggestion> maint = choices.matching("maint");
        List<String> ids = ids(maint);
        assertEquals("emergency_maintenance", ids.get(0), ids.toString());
        assertTrue(ids.containsAll(List.of("maintenance", "host_maintenance")), ids.toString());
        assertTrue(maint.get(0).inRun() && !maint.get(1).inRun(), "then the catalogue's: " + ids);
        assertEquals("maintenance", ids(choices.matching("maintenance")).get(0), "the cause named exactly first");

        List<CauseSuggestion> all = choices.matching("");
        assertEquals(choices.all().size(), all.size(), "a blank text lists every cause");
        int firstCatalogue = 0;
        while (all.get(firstCatalogue).inRun()) {
            firstCatalogue++;
        }
        assertTrue(firstCatalogue >= 3, ids(all).toString());
        assertTrue(all.subList(firstCatalogue, all.size()).stream().noneMatch(CauseSuggestion::inRun));
        for (int i = 1; i < firstCatalogue; i++) {
            assertTrue(all.get(i - 1).seconds() >= all.get(i).seconds(), "by time carried: " + all);
        }
        List<Layer> catalogueLayers = all.subList(firstCatalogue, all.size()).stream()
                .map(s -> s.cause().layer()).toList();
        assertEquals(catalogueLayers.stream().sorted().toList(), catalogueLayers, "the catalogue's grouped by layer");
    }

    @Test
    void matchesAreSubstringsOfIdOrLabelWordStartsFirst() {
        CauseChoices choices = CauseChoices.of(null, Overlay.EMPTY);
        List<String> ids = ids(choices.matching("restore"));
        assertEquals(List.of("checkpoint_restore"), ids);
        List<String> save = ids(choices.matching("SAVE"));
        assertEquals("checkpoint_save", save.get(0));
        // "ost" is inside "host" (no word starts with it), "out of memory" starts a label: word starts first.
        List<String> o = ids(choices.matching("o"));
        assertTrue(o.indexOf("host_oom") < o.indexOf("node_failure"), o.toString());
        assertEquals(List.of(), choices.matching("zzz"));
        CauseChoices used = CauseChoices.of(null, new Overlay(
                List.of(new Tag("t", 0, 10, "bad_psu", Layer.INFRA, null, "")), List.of(), List.of()));
        CauseSuggestion psu = used.matching("psu").get(0);
        assertEquals("bad_psu", psu.cause().id());
        assertTrue(psu.inRun());
        assertEquals("Infra · in this run", psu.detail());
    }
}
