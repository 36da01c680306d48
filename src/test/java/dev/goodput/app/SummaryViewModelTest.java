package dev.goodput.app;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.Goodputs;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model with a real report of the bundled sample; plain JUnit, no JavaFX toolkit started. */
class SummaryViewModelTest {
    private static final Path CLEAN = Path.of("sample-runs", "clean-small", "run.jsonl");
    private static GoodputReport clean;

    @BeforeAll
    static void deriveSample() throws Exception {
        clean = GoodputDeriver.derive(new RunLoader(LoadMode.LENIENT).load(List.of(CLEAN)),
                DerivationSettings.defaults()).report();
    }

    @Test
    void showsTheSampleFiguresAsTheCliReportsThem() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showReport(clean);

        assertEquals(SummaryViewModel.State.READY, vm.stateProperty().get());
        assertEquals("clean-small (GPT 1.3B on 8x A100)", vm.runNameProperty().get());
        assertEquals("Goodput Workbench — clean-small (GPT 1.3B on 8x A100)", vm.titleProperty().get());
        assertEquals("98.09%", vm.figureProperty(GoodputMeasure.INFRA).get());
        assertEquals("92.27%", vm.figureProperty(GoodputMeasure.FRAMEWORK).get());
        assertEquals("49.66%", vm.figureProperty(GoodputMeasure.MODEL).get());
        assertEquals("44.95%", vm.figureProperty(GoodputMeasure.OVERALL).get());
        assertTrue(vm.runDetailsProperty().get().startsWith("8 accelerators  ·  window 36.6 min"),
                vm.runDetailsProperty().get());
        assertTrue(vm.warningsProperty().isEmpty(), () -> vm.warningsProperty().toString());
    }

    @Test
    void listsBadputCausesInTheReportsOrder() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showReport(clean);

        List<BadputRow> rows = vm.badputProperty();
        assertEquals(clean.badput().size(), rows.size());
        assertEquals(new BadputRow("infra", "Provisioning / device init", "42.0 s", "1.91%", "0.093"), rows.get(0));
        BadputRow last = rows.get(rows.size() - 1);
        assertEquals("model", last.layer());
        assertEquals("16.7 min", last.lostTime());
        assertEquals("45.56%", last.windowShare());
    }

    @Test
    void modelAndOverallAreNotAvailableWithoutMfu() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showReport(withGoodputs(clean, new Goodputs(0.5, 0.25, null, null)));

        assertEquals("50.00%", vm.figureProperty(GoodputMeasure.INFRA).get());
        assertEquals("25.00%", vm.figureProperty(GoodputMeasure.FRAMEWORK).get());
        assertEquals("n/a", vm.figureProperty(GoodputMeasure.MODEL).get());
        assertEquals("n/a", vm.figureProperty(GoodputMeasure.OVERALL).get());
    }

    @Test
    void followsTheLoadingTaskUntilTheReportArrives() {
        SummaryViewModel vm = new SummaryViewModel();
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        SimpleStringProperty message = new SimpleStringProperty("Reading run.jsonl…");
        vm.beginLoading(progress, message);

        assertEquals(SummaryViewModel.State.LOADING, vm.stateProperty().get());
        assertEquals("Reading run.jsonl…", vm.messageProperty().get());
        progress.set(0.5);
        message.set("Deriving goodput…");
        assertEquals(0.5, vm.progressProperty().get());
        assertEquals("Deriving goodput…", vm.messageProperty().get());

        vm.showReport(clean);
        message.set("late update from a finished task");
        assertEquals("", vm.messageProperty().get());
        assertEquals(SummaryViewModel.State.READY, vm.stateProperty().get());
    }

    @Test
    void aFailedLoadClearsTheFiguresAndSaysWhy() {
        SummaryViewModel vm = new SummaryViewModel();
        vm.showReport(clean);
        vm.showFailure("missing.jsonl", new Exception("missing.jsonl: file not found"));

        assertEquals(SummaryViewModel.State.FAILED, vm.stateProperty().get());
        assertEquals("Could not open missing.jsonl:\nmissing.jsonl: file not found", vm.messageProperty().get());
        assertEquals("Goodput Workbench", vm.titleProperty().get());
        assertEquals("n/a", vm.figureProperty(GoodputMeasure.OVERALL).get());
        assertTrue(vm.badputProperty().isEmpty());
    }

    @Test
    void startsEmptyAndInvitesTheUserToOpenARunLog() {
        SummaryViewModel vm = new SummaryViewModel();
        assertEquals(SummaryViewModel.State.EMPTY, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Open a run log…"));

        vm.showReport(clean);
        vm.showEmpty();
        assertEquals(SummaryViewModel.State.EMPTY, vm.stateProperty().get());
        assertEquals("", vm.runNameProperty().get());
    }

    private static GoodputReport withGoodputs(GoodputReport r, Goodputs g) {
        return new GoodputReport(r.runName(), r.windowStartUs(), r.windowEndUs(), r.accelerators(), g,
                r.availableSeconds(), r.productiveSeconds(), r.badput(), r.layers(), r.waterfall(), r.reliability(),
                r.steps(), r.mfu(), r.intervalCount(), r.inputFiles(), r.warnings());
    }
}
