package dev.goodput.app;

import dev.goodput.core.report.GoodputTerm;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.load.DerivedRun;
import dev.goodput.core.load.RunPipeline;
import dev.goodput.core.load.RunRequest;
import dev.goodput.core.workspace.WorkspaceSettings;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.Goodputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model with a real derivation of the bundled sample; plain JUnit, no JavaFX toolkit started. */
class SummaryViewModelTest {
    private static final Path CLEAN = Path.of("sample-runs", "clean-small", "run.jsonl");
    /** A real NCCL watchdog log (see the resources' NOTICE.md) that is no run: the lenient readers skip it whole. */
    private static final Path NCCL_LOG = Path.of("src/test/resources/logs/nccl_watchdog_timeout__basicsr_issue737_excerpt.log");
    private static Derivation clean;

    @BeforeAll
    static void deriveSample() throws Exception {
        clean = GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(CLEAN)),
                DerivationSettings.defaults());
    }

    @Test
    void showsTheSampleFiguresAsTheCliReportsThem() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(CLEAN), clean);

        assertEquals(SummaryViewModel.State.READY, vm.stateProperty().get());
        assertEquals("clean-small (GPT 1.3B on 8x A100)", vm.runNameProperty().get());
        assertEquals("Goodput Workbench — clean-small (GPT 1.3B on 8x A100)", vm.titleProperty().get());
        assertEquals("98.09%", vm.figureProperty(GoodputTerm.INFRA).get());
        assertEquals("92.27%", vm.figureProperty(GoodputTerm.FRAMEWORK).get());
        assertEquals("49.51%", vm.figureProperty(GoodputTerm.MODEL).get());
        assertEquals("44.81%", vm.figureProperty(GoodputTerm.OVERALL).get());
        assertTrue(vm.runDetailsProperty().get().startsWith("8 accelerators  ·  window 36.6 min"),
                vm.runDetailsProperty().get());
        assertTrue(vm.problemsProperty().isEmpty(), () -> vm.problemsProperty().toString());
    }

    @Test
    void exposesTheWholeDerivationForTheTimeline() {
        SummaryViewModel vm = new SummaryViewModel();
        assertNull(vm.derivationProperty().get());
        List<String> seenRunNames = new ArrayList<>();
        // A listener of the derivation finds the rest of the model already showing the same run.
        vm.derivationProperty().addListener((obs, was, now) -> seenRunNames.add(vm.runNameProperty().get()));

        vm.showRun(List.of(CLEAN), clean);
        assertSame(clean, vm.derivationProperty().get());
        assertTrue(clean.intervals().size() > 0);
        assertEquals(List.of("clean-small (GPT 1.3B on 8x A100)"), seenRunNames);

        vm.showEmpty();
        assertNull(vm.getDerivation());
    }

    @Test
    void statusBarTexts() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(CLEAN), clean);

        assertEquals("run.jsonl", vm.filesTextProperty().get());
        assertEquals("2025-03-03 09:00:00 → 09:36:33 UTC (36.6 min)", vm.windowTextProperty().get());
        assertEquals("No problems", vm.problemCountProperty().get());
        assertEquals(List.of(CLEAN), vm.filesProperty());
    }

    /** Issue 14: a rule disabled as too slow is said in Problems, and stays said across edits until said anew. */
    @Test
    void attributionWarningsAreListedWithTheProblems() {
        SummaryViewModel vm = new SummaryViewModel();
        String slow = "rule pattern (a+){10}$ took too long on a message of 50 characters: disabled; simplify the pattern";
        vm.showRun(List.of(CLEAN), List.of(), clean, null, List.of(slow));

        assertEquals(List.of("Warning: attribution rules: " + slow), vm.problemsProperty());
        assertEquals("1 warning", vm.problemCountProperty().get());
        vm.showEdited(clean);
        assertEquals("1 warning", vm.problemCountProperty().get());
        vm.showEdited(clean, List.of());
        assertEquals("No problems", vm.problemCountProperty().get());
        vm.showRun(List.of(CLEAN), List.of(), clean, null, List.of(slow));
        vm.showEmpty();
        vm.showRun(List.of(CLEAN), clean);
        assertEquals("No problems", vm.problemCountProperty().get());
    }

    @Test
    void aWindowOverSeveralDaysNamesBothDates() {
        GoodputReport r = clean.report();
        GoodputReport twoDays = new GoodputReport(r.runName(), r.windowStartUs(), r.windowStartUs() + 172_800_000_000L,
                r.accelerators(), r.goodput(), r.availableSeconds(), r.productiveSeconds(), r.badput(), r.layers(),
                r.waterfall(), r.reliability(), r.steps(), r.slowSteps(), r.mfu(), r.intervalCount(), r.inputFiles(),
                r.warnings());
        assertEquals("2025-03-03 09:00:00 → 2025-03-05 09:00:00 UTC (2.00 d)", SummaryViewModel.window(twoDays));
    }

    @Test
    void countsWarningsAndErrors() {
        Source s = new Source("a.jsonl", 3);
        assertEquals("No problems", SummaryViewModel.problemCount(List.of()));
        assertEquals("1 warning", SummaryViewModel.problemCount(List.of(Problem.warning(s, "w"))));
        assertEquals("2 errors, 1 warning", SummaryViewModel.problemCount(List.of(
                Problem.error(s, "e"), Problem.warning(s, "w"), Problem.error(s, "e"))));
        assertEquals("3 errors", SummaryViewModel.problemCount(List.of(
                Problem.error(s, "e"), Problem.error(s, "e"), Problem.error(s, "e"))));
        assertEquals("Error: a.jsonl:3: expected a time", SummaryViewModel.problemLine(Problem.error(s,
                "expected a time")));
    }

    @Test
    void listsBadputCausesInTheReportsOrder() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(CLEAN), clean);

        List<BadputRow> rows = vm.badputProperty();
        assertEquals(clean.report().badput().size(), rows.size());
        assertEquals(new BadputRow("infra", "Provisioning / device init", "42.0 s", "1.91%", "0.0933"), rows.get(0));
        // The model layer last: the MFU gap, then the straggler step's excess over the typical step.
        BadputRow gap = rows.get(rows.size() - 2);
        assertEquals("model", gap.layer());
        assertEquals("16.6 min", gap.lostTime());
        assertEquals("45.42%", gap.windowShare());
        BadputRow last = rows.get(rows.size() - 1);
        assertEquals(new BadputRow("model", "Slow steps (above typical step time)", "6.1 s", "0.28%", "0.0136"), last);
    }

    @Test
    void modelAndOverallAreNotAvailableWithoutMfu() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(CLEAN), withGoodputs(clean, new Goodputs(0.5, 0.25, null, null)));

        assertEquals("50.00%", vm.figureProperty(GoodputTerm.INFRA).get());
        assertEquals("25.00%", vm.figureProperty(GoodputTerm.FRAMEWORK).get());
        assertEquals("n/a", vm.figureProperty(GoodputTerm.MODEL).get());
        assertEquals("n/a", vm.figureProperty(GoodputTerm.OVERALL).get());
    }

    @Test
    void aFailedLoadShowsWhyInTheProblemsAndKeepsTheFilesForReload() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(CLEAN), clean);
        Path missing = Path.of("missing.jsonl");
        vm.showFailure(List.of(missing), new InputException(new Source("missing.jsonl", 0), "file not found"));

        assertEquals(SummaryViewModel.State.FAILED, vm.stateProperty().get());
        assertEquals(List.of("Error: missing.jsonl: file not found"), vm.problemsProperty());
        assertEquals("Could not open missing.jsonl", vm.runNameProperty().get());
        assertEquals("1 error", vm.problemCountProperty().get());
        assertEquals("Goodput Workbench", vm.titleProperty().get());
        assertEquals("n/a", vm.figureProperty(GoodputTerm.OVERALL).get());
        assertTrue(vm.badputProperty().isEmpty());
        assertNull(vm.getDerivation());
        assertEquals(List.of(missing), vm.filesProperty());
    }

    @Test
    void startsEmpty() {
        SummaryViewModel vm = new SummaryViewModel();
        assertEquals(SummaryViewModel.State.EMPTY, vm.stateProperty().get());

        vm.showRun(List.of(CLEAN), clean);
        vm.showEmpty();
        assertEquals(SummaryViewModel.State.EMPTY, vm.stateProperty().get());
        assertEquals("", vm.runNameProperty().get());
        assertTrue(vm.filesProperty().isEmpty());
    }

    /**
     * Problem 10 of issue 13: a lenient read that skipped a record of the sample (a line cut short mid-file, as a
     * writer killed and restarted leaves it) and a whole file (a real NCCL log with no dates, which cannot be placed)
     * still shows the figures of what it read, and marks them partial; the first thing skipped is named with file and
     * line.
     */
    @Test
    void aLenientReadThatSkippedRecordsMarksTheFiguresPartial(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(CLEAN));
        String cut = lines.get(9).substring(0, lines.get(9).length() / 2);
        lines.set(9, cut);
        Path partial = Files.write(dir.resolve("run.jsonl"), lines);
        Derivation d = GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(partial, NCCL_LOG)),
                DerivationSettings.defaults());
        SummaryViewModel vm = new SummaryViewModel();

        vm.showRun(List.of(partial, NCCL_LOG), d);

        assertEquals("Partial: 2 read errors", vm.partialProperty().get());
        String detail = vm.partialDetailProperty().get();
        assertTrue(detail.contains("\nFirst: " + partial + ":10: "), detail);
        assertTrue(vm.figureProperty(GoodputTerm.OVERALL).get().endsWith("%"), "the figures of what was read");
        assertEquals("2 errors", vm.problemCountProperty().get());

        vm.showEdited(d); // an edit or a new window of the same run: still partial
        assertEquals("Partial: 2 read errors", vm.partialProperty().get());

        vm.showRun(List.of(CLEAN), clean);
        assertEquals("", vm.partialProperty().get(), "every record of the clean sample was read");
        assertEquals("", vm.partialDetailProperty().get());
    }

    /** A workspace whose input is missing shows the run of the others, partial by that file. */
    @Test
    void aMissingWorkspaceInputMakesTheFiguresPartial() {
        SummaryViewModel vm = new SummaryViewModel();
        Path gone = Path.of("/data/runs/gone.jsonl");
        vm.showRun(List.of(CLEAN), List.of(gone), clean, null);
        assertEquals("Partial: 1 input missing", vm.partialProperty().get());
        assertTrue(vm.partialDetailProperty().get().contains("First: " + gone + ": not there to read"),
                vm.partialDetailProperty().get());
        vm.showEmpty();
        assertEquals("", vm.partialProperty().get());
    }

    private static Derivation withGoodputs(Derivation d, Goodputs g) {
        GoodputReport r = d.report();
        GoodputReport changed = new GoodputReport(r.runName(), r.windowStartUs(), r.windowEndUs(), r.accelerators(), g,
                r.availableSeconds(), r.productiveSeconds(), r.badput(), r.layers(), r.waterfall(), r.reliability(),
                r.steps(), r.slowSteps(), r.mfu(), r.intervalCount(), r.inputFiles(), r.warnings());
        return new Derivation(d.run(), d.window(), d.intervals(), d.attempts(), d.slowSteps(), changed);
    }

    /**
     * Problem 3 of issue 13: an unrelated trace opened beside a run sets MFU; the model card's subtitle says so
     * (which trace, on how many steady steps) and Problems says why the figure is doubtful: the profile lies outside
     * the run's window and rests on one steady step.
     */
    @Test
    void aProfileThatSetsMfuIsNamedUnderTheModelCardAndItsDoubtsAreProblems(@TempDir Path dir) throws Exception {
        Path trace = Path.of("src/test/resources/traces/tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz");
        DerivedRun loaded = new RunPipeline().load(RunRequest.of(List.of(CLEAN, trace), RunSource.OPTIONS,
                WorkspaceSettings.defaults()));
        assertNotNull(loaded.profiles(), "the trace is read as a profile");
        SummaryViewModel vm = new SummaryViewModel();
        assertEquals(GoodputTerm.MODEL.formula(), vm.formulaProperty(GoodputTerm.MODEL).get());
        vm.showRun(List.of(CLEAN, trace), List.of(), loaded.derivation(), loaded.profiles());

        assertEquals("MFU from trace " + trace.getFileName() + ", 1 steady step",
                vm.formulaProperty(GoodputTerm.MODEL).get());
        assertEquals(GoodputTerm.INFRA.formula(), vm.formulaProperty(GoodputTerm.INFRA).get());
        List<String> problems = vm.problemsProperty();
        assertTrue(problems.stream().anyMatch(p -> p.contains("outside the measurement window")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("rests on 1 steady step")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("measured on another accelerator")), problems::toString);

        // The run alone: the formula again, no profile's doubts.
        vm.showRun(List.of(CLEAN), clean);
        assertEquals(GoodputTerm.MODEL.formula(), vm.formulaProperty(GoodputTerm.MODEL).get());
        assertTrue(vm.problemsProperty().isEmpty(), () -> vm.problemsProperty().toString());
    }

    /**
     * "Jean zay" of issue 13: the BLOOM sample's emergency maintenance is named as people write it. A cause id is
     * lower-case snake case, so an id naming the cluster could only be shown as "Jean zay emergency maintenance";
     * the sample names the kind of loss, and its README the cluster.
     */
    @Test
    void theBloomSamplesCausesAreNamedAsPeopleWriteThem() throws Exception {
        Path bloom = Path.of("sample-runs", "bloom-176b", "run.jsonl");
        SummaryViewModel vm = new SummaryViewModel();
        vm.showRun(List.of(bloom), GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(bloom)),
                DerivationSettings.defaults()));
        List<String> causes = vm.badputProperty().stream().map(BadputRow::cause).toList();
        assertTrue(causes.contains("Emergency maintenance"), causes::toString);
        assertTrue(causes.stream().noneMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("jean")),
                causes::toString);
    }
}
