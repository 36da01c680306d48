package dev.goodput.chart.colour;

import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.core.attribution.IncrementalAttribution;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.derive.Window;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixed table and the rule of drawn colours on the bundled runs: no two causes drawn together closer than
 * ΔE00 10, for normal and deuteranope eyes; the colours that collided before (issue 13) apart; a cause's colour the
 * same after a tag and after a window change.
 */
class CauseColoursTest {
    private static String pair(int a, int b) {
        return String.format("%08X / %08X: ΔE00 %.1f normal, %.1f deuteranope", a, b, Ciede2000.difference(a, b),
                Ciede2000.difference(Deuteranopia.lab(a), Deuteranopia.lab(b)));
    }

    /** Every two colours of {@code colours} (name → ARGB) told apart. */
    private static void assertAllDistinct(String what, Map<String, Integer> colours) {
        List<Map.Entry<String, Integer>> e = new ArrayList<>(colours.entrySet());
        for (int i = 0; i < e.size(); i++) {
            for (int j = i + 1; j < e.size(); j++) {
                int a = e.get(i).getValue();
                int b = e.get(j).getValue();
                assertTrue(ColourDistance.distinct(a, b), what + ": " + e.get(i).getKey() + " and " + e.get(j).getKey()
                        + " " + pair(a, b));
            }
        }
    }

    /** The colours a timeline of {@code d} draws, by label. */
    private static Map<String, Integer> timelineColours(StateCategories c) {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < c.size(); k++) {
            m.put(c.label(k), c.colour(k));
        }
        return m;
    }

    @Test
    void everyCatalogueCauseHasAColourOfItsOwn() {
        Set<Integer> seen = new HashSet<>();
        for (CauseCatalog.Entry e : CauseCatalog.entries()) {
            int c = CauseColours.fixed(e.cause().id());
            assertNotEquals(0, c, e.cause().id());
            assertTrue(seen.add(c), () -> e.cause().id() + " shares its colour");
        }
        assertEquals(0, CauseColours.fixed("emergency_maintenance"));
    }

    @Test
    void theCausesOfEachCatalogueGroupAreToldApartWithProductiveTime() {
        Map<CauseCatalog.Group, List<CauseCatalog.Entry>> groups = CauseCatalog.entries().stream()
                .collect(Collectors.groupingBy(CauseCatalog.Entry::group));
        groups.forEach((g, entries) -> {
            Map<String, Integer> colours = new java.util.LinkedHashMap<>();
            colours.put("productive", CauseColours.PRODUCTIVE);
            entries.forEach(e -> colours.put(e.cause().id(), CauseColours.fixed(e.cause().id())));
            assertAllDistinct(g.label(), colours);
        });
    }

    @Test
    void everyColourDrawnOnASampleRunsChartsIsToldApart() {
        for (String file : SampleRuns.ALL) {
            Derivation d = SampleRuns.derive(file);
            CauseColourBook book = new CauseColourBook();
            ShownColours shown = ShownColours.of(d.report().badput(), book);
            Map<String, Integer> drawn = new java.util.LinkedHashMap<>();
            drawn.put("productive", CauseColours.PRODUCTIVE);
            for (CauseShare c : d.report().badput()) {
                drawn.put(shown.grouped(c.layer(), c.cause()) ? "other " + c.layer().id() : c.cause(),
                        shown.drawn(c.layer(), c.cause()));
            }
            assertAllDistinct(file, drawn);
            assertAllDistinct(file + " timeline", timelineColours(StateCategories.of(d, book)));
        }
    }

    @Test
    void theCausesThatSharedAColourNoLongerDo() {
        // Issue 13: BLOOM drew unattributed downtime = preemption, allocated-not-in-use = queued, wasted progress =
        // shutdown; Llama 3 faulty GPU = unattributed downtime, provisioning = NCCL watchdog = network switch/cable.
        String[][] pairs = {{"unattributed_downtime", "preemption"}, {"idle_accelerators", "queue"},
                {"wasted_progress", "shutdown"}, {"faulty_gpu", "unattributed_downtime"},
                {"provisioning", "nccl_watchdog_timeouts"}, {"provisioning", "network_switch_cable"},
                {"nccl_watchdog_timeouts", "network_switch_cable"}};
        for (String[] p : pairs) {
            int a = CauseColours.fixed(p[0]);
            int b = CauseColours.fixed(p[1]);
            assertTrue(ColourDistance.distinct(a, b), p[0] + " / " + p[1] + " " + pair(a, b));
        }
        // And where they are drawn together: each in its own colour (none gathered in "other").
        assertDrawnApart(SampleRuns.BLOOM, "wasted_progress", "shutdown", "unattributed_downtime", "queue");
        assertDrawnApart(SampleRuns.LLAMA, "faulty_gpu", "unattributed_downtime", "provisioning",
                "network_switch_cable");
    }

    private static void assertDrawnApart(String file, String... causes) {
        StateCategories c = StateCategories.of(SampleRuns.derive(file), new CauseColourBook());
        List<Integer> colours = new ArrayList<>();
        for (String cause : causes) {
            Layer layer = CauseCatalog.byId(cause).layer();
            int k = c.indexOf(layer, cause);
            assertTrue(k > 0, cause);
            assertEquals(CauseColours.fixed(cause), c.colour(k), cause + " in " + file);
            colours.add(c.colour(k));
        }
        assertEquals(causes.length, new HashSet<>(colours).size());
    }

    /** The colour each cause of {@code d} is drawn in on its own (causes gathered in "other" left out). */
    private static Map<String, Integer> byCause(StateCategories c, Derivation d) {
        return d.report().badput().stream().filter(s -> s.layer() != Layer.MODEL)
                .filter(s -> !c.label(c.indexOf(s.layer(), s.cause())).startsWith("Other "))
                .collect(Collectors.toMap(CauseShare::cause, s -> c.colour(c.indexOf(s.layer(), s.cause())),
                        (x, y) -> x));
    }

    @Test
    void aCauseKeepsItsColourAfterATagThatReranksTheCauses() {
        Derivation d = SampleRuns.derive(SampleRuns.LLAMA);
        CauseColourBook book = new CauseColourBook();
        Map<String, Integer> before = byCause(StateCategories.of(d, book), d);
        // Three days tagged as a new infra cause: its lost time ranks third among infra causes, so before, every
        // infra cause below it moved one shade down the rank.
        long t0 = d.window().startUs() + 10 * 86_400_000_000L;
        Tag tag = new Tag("t1", t0, t0 + 3 * 86_400_000_000L, "cluster_migration", Layer.INFRA, null, "");
        Derivation tagged = IncrementalAttribution.of(d, Overlay.EMPTY.withTags(t -> List.of(tag))).derivation();
        StateCategories after = StateCategories.of(tagged, book);
        Map<String, Integer> afterColours = byCause(after, tagged);
        assertEquals("cluster_migration", tagged.report().badput().get(2).cause());
        before.forEach((cause, colour) -> {
            if (afterColours.containsKey(cause)) {
                assertEquals(colour, afterColours.get(cause), cause);
            }
        });
        assertEquals(before.get("provisioning"), afterColours.get("provisioning"));
        // The new cause got a colour once, kept by the book, apart from every other drawn.
        int given = book.colour("cluster_migration");
        assertNotEquals(0, given);
        assertEquals(given, afterColours.get("cluster_migration"));
        assertAllDistinct("after the tag", timelineColours(after));
        assertEquals(given, byCause(StateCategories.of(tagged, book), tagged).get("cluster_migration"));
    }

    @Test
    void aCauseKeepsItsColourAfterAWindowChange() {
        Derivation whole = SampleRuns.derive(SampleRuns.BLOOM);
        Window w = whole.window();
        Derivation later = GoodputDeriver.derive(whole.run(), DerivationSettings.defaults()
                .withWindow(new Window(w.startUs() + w.durationUs() / 2, w.endUs())));
        CauseColourBook book = new CauseColourBook();
        Map<String, Integer> a = byCause(StateCategories.of(whole, book), whole);
        Map<String, Integer> b = byCause(StateCategories.of(later, book), later);
        Set<String> both = new HashSet<>(a.keySet());
        both.retainAll(b.keySet());
        assertTrue(both.size() >= 4, both::toString);
        for (String cause : both) {
            assertEquals(a.get(cause), b.get(cause), cause);
        }
    }

    @Test
    void aChosenColourWinsAndAWorkspaceKeepsChosenAndGivenColours() {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        CauseColourBook book = new CauseColourBook();
        StateCategories.of(d, book); // gives the run's own causes (emergency_maintenance, ...) colours
        int given = book.colour("emergency_maintenance");
        assertNotEquals(0, given);
        book.choose("faulty_gpu", 0xFF000000); // black: apart from every colour BLOOM shows
        StateCategories c = StateCategories.of(d, book);
        assertEquals(0xFF000000, c.colour(c.indexOf(Layer.INFRA, "faulty_gpu")));
        // Saved and opened in another session, the same colours.
        CauseColourBook next = new CauseColourBook();
        next.load(book.choices());
        assertEquals(given, next.colour("emergency_maintenance"));
        assertEquals(0xFF000000, next.colour("faulty_gpu"));
        next.choose("faulty_gpu", 0);
        assertEquals(CauseColours.fixed("faulty_gpu"), next.colour("faulty_gpu"));
    }
}
