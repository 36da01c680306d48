package dev.goodput.chart.timeline;

import dev.goodput.chart.ChartSize;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.ChartText;
import dev.goodput.testing.SampleRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineChartTest {
    private static final String CAPTION = "Run state: productive time in bluish green, lost time by cause above it. "
            + "Faults are vermillion markers, checkpoints blue ticks; the step-time strip darkens with slower "
            + "steps, black where a step was anomalous.";
    private static final ChartStyle PRESENTATION = ChartStyle.presentation("Where the time went",
            "llama3-54day-sim · whole run", CAPTION);

    private static TimelineLanes cleanSmall;
    private static TimelineLanes llama;

    @BeforeAll
    static void load() throws Exception {
        cleanSmall = lanes("sample-runs/clean-small/run.jsonl");
        llama = lanes("sample-runs/llama3-54day-sim/run.jsonl.gz");
    }

    private static TimelineLanes lanes(String file) throws Exception {
        return TimelineLanes.of(SampleRuns.derive(file));
    }

    private record Painted(BufferedImage image, RecordingGraphics.Record record, TimelineChartLayout layout) {
        int argb(double x, double y) {
            return image.getRGB((int) Math.floor(x), (int) Math.floor(y));
        }

        /** The filled rectangles lying in {@code box}. */
        List<RecordingGraphics.Fill> fillsIn(Rectangle2D box) {
            Rectangle2D grown = new Rectangle2D.Double(box.getX() - 1e-6, box.getY() - 1e-6, box.getWidth() + 2e-6,
                    box.getHeight() + 2e-6);
            return record.fills.stream().filter(f -> grown.contains(f.bounds())).toList();
        }
    }

    /** Paints as the PNG export does: antialiased, fractional metrics, no stroke normalisation. */
    private static Painted paint(TimelineChart chart, ChartStyle style, ChartSize size) {
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        RecordingGraphics recording = new RecordingGraphics(g);
        chart.paint(recording, style, size.width(), size.height());
        g.dispose();
        assertEquals(0, recording.record.outlines, "text is drawn as text, never as outlines");
        return new Painted(image, recording.record, chart.layout(style, size.width(), size.height()));
    }

    @Test
    void productiveTimeDominatesCleanSmallsStateLane() {
        for (ChartSize size : List.of(ChartSize.DOCUMENT, ChartSize.SLIDE_16_9)) {
            for (ChartStyle style : List.of(ChartStyle.screen(), PRESENTATION)) {
                Painted p = paint(new TimelineChart(cleanSmall), style, size);
                Rectangle2D box = p.layout().lanes().state();
                assertTrue(box.getHeight() > TimelineFrame.STATE_HEIGHT, "the state lane takes the spare height");
                int productive = 0;
                int all = 0;
                for (int y = (int) Math.ceil(box.getY()); y < (int) box.getMaxY(); y++) {
                    for (int x = (int) Math.ceil(box.getX()); x < (int) box.getMaxX(); x++) {
                        productive += p.image().getRGB(x, y) == StatePalette.PRODUCTIVE ? 1 : 0;
                        all++;
                    }
                }
                // 6% of clean-small is lost (provisioning, preparation, two evaluations): the rest is green.
                assertTrue(productive > 0.85 * all, size + ": productive " + productive + " of " + all);
                assertEquals(style.background().getRGB(), p.argb(1, 1), "the chart paints its own background");
            }
        }
    }

    @Test
    void everyFaultOfTheFiftyFourDayRunHasItsMarker() {
        TimelineChart chart = new TimelineChart(llama);
        Painted p = paint(chart, PRESENTATION, ChartSize.SLIDE_16_9);
        Rectangle2D lane = p.layout().lanes().faults();
        FaultLane faults = llama.faults();
        assertEquals(358, faults.times().length);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i < faults.times().length; i++) {
            colours.add(faults.colour(i));
        }
        // Marks are the lane's height and five units wide; links one unit high. A fault at the run's very end has
        // half a marker, inside the lane.
        List<RecordingGraphics.Fill> marks = p.fillsIn(lane).stream()
                .filter(f -> f.bounds().getHeight() > lane.getHeight() - 1e-6).toList();
        assertTrue(marks.stream().allMatch(f -> colours.contains(f.colour().getRGB())), "marks in faults' colours");
        for (long f : faults.times()) {
            double x = Math.min(lane.getMaxX() - 1e-6, lane.getX() + chart.viewport().xOf(f, lane.getWidth()));
            assertTrue(marks.stream().anyMatch(m -> m.bounds().getMinX() <= x && x <= m.bounds().getMaxX()),
                    "fault at x " + x);
        }
        // The marks are where the faults are, not everywhere: far fewer than the lane's width covered.
        double covered = 0;
        double reached = Double.NEGATIVE_INFINITY;
        for (Rectangle2D m : marks.stream().map(RecordingGraphics.Fill::bounds)
                .sorted(java.util.Comparator.comparingDouble(Rectangle2D::getMinX)).toList()) {
            covered += Math.max(0, m.getMaxX() - Math.max(reached, m.getMinX()));
            reached = Math.max(reached, m.getMaxX());
        }
        assertTrue(covered < lane.getWidth() * 0.9, "marked " + covered + " of " + lane.getWidth());
    }

    @Test
    void theLegendNamesEveryStateNextToItsSwatch() {
        StateCategories c = cleanSmall.categories();
        for (ChartSize size : List.of(ChartSize.DOCUMENT, ChartSize.SLIDE_16_9)) {
            for (ChartStyle style : List.of(ChartStyle.screen(), ChartStyle.screenDark(), PRESENTATION)) {
                Painted p = paint(new TimelineChart(cleanSmall), style, size);
                for (int k = 0; k < c.size(); k++) {
                    String label = c.label(k);
                    RecordingGraphics.Text text = p.record().texts.stream().filter(t -> t.text().equals(label))
                            .findFirst().orElseThrow(() -> new AssertionError(label + " is not in the legend"));
                    Color colour = new Color(c.colour(k), true);
                    double fontSize = style.font(dev.goodput.chart.ChartLegend.FONT_SIZE);
                    assertTrue(p.record().fills.stream().anyMatch(f -> f.colour().equals(colour)
                                    && f.bounds().getMaxX() <= text.x() && f.bounds().getMaxX() > text.x() - fontSize
                                    && Math.abs(f.bounds().getCenterY() - (text.y() - fontSize * 0.35)) < fontSize),
                            label + ": a swatch of its colour just left of it");
                    assertTrue(text.y() > p.layout().lanes().bottom(), "the legend is under the lanes");
                }
                assertTrue(p.record().strings().containsAll(p.layout().lanes().labels()));
                assertFalse(p.record().strings().contains("Accelerators in use"), "clean-small uses all it has");
                // clean-small's straggler is a slow step: the key names the step-time lane's colour for it.
                RecordingGraphics.Text slow = p.record().texts.stream()
                        .filter(t -> t.text().equals(TimelineChart.SLOW_STEPS_LEGEND)).findFirst().orElseThrow();
                assertTrue(p.record().fills.stream().anyMatch(f -> f.colour().equals(
                        new Color(StatePalette.SLOW_STEPS, true)) && f.bounds().getMaxX() <= slow.x()));
            }
        }
        ChartStyle noLegend = new ChartStyle(Color.WHITE, Color.BLACK, Color.GRAY, Color.LIGHT_GRAY, 1, null, null,
                false, null);
        Painted p = paint(new TimelineChart(cleanSmall), noLegend, ChartSize.DOCUMENT);
        assertFalse(p.record().strings().contains(c.label(StateCategories.PRODUCTIVE)));
    }

    @Test
    void titleSubtitleAndCaptionOnlyInPresentations() {
        TimelineChart chart = new TimelineChart(llama);
        Painted slide = paint(chart, PRESENTATION, ChartSize.DOCUMENT);
        List<String> drawn = slide.record().strings();
        assertTrue(drawn.contains(PRESENTATION.title()));
        assertTrue(drawn.contains(PRESENTATION.subtitle()));
        // The caption is wrapped to the width: several lines, none wider than the chart less its margins, that
        // read back as the caption.
        List<RecordingGraphics.Text> caption = slide.record().texts.stream()
                .filter(t -> t.y() > slide.layout().captionTop()).toList();
        assertTrue(caption.size() >= 2, "lines: " + caption.size());
        assertEquals(CAPTION, String.join(" ", caption.stream().map(RecordingGraphics.Text::text).toList()));
        for (RecordingGraphics.Text line : caption) {
            assertTrue(ChartText.width(line.text(), slide.layout().caption().font())
                    <= ChartSize.DOCUMENT.width() - 2 * slide.layout().pad());
        }

        Painted screen = paint(chart, ChartStyle.screen(), ChartSize.DOCUMENT);
        Set<String> expected = new HashSet<>(TimelineLaneBoxes.LABELS);
        expected.add(TimelineChart.SLOW_STEPS_LEGEND);
        LaneKey.entries(llama, ChartStyle.screen()).forEach(e -> expected.add(e.label())); // every lane's key
        StateCategories c = llama.categories();
        for (int k = 0; k < c.size(); k++) {
            expected.add(c.label(k));
        }
        for (String s : screen.record().strings()) {
            boolean tick = s.startsWith("+") || s.matches("[0-9][0-9:. -]*");
            assertTrue(tick || expected.contains(s), "on screen only lanes, legend and axis are labelled, not: " + s);
        }
        assertTrue(screen.record().strings().stream().anyMatch(s -> s.startsWith("+")), "time since the start");
        assertTrue(screen.record().strings().stream().anyMatch(s -> s.matches("\\d{4}-\\d{2}-\\d{2}")),
                "calendar dates for a 54-day run");
    }

    @Test
    void mergedBlocksKeepTheFiftyFourDayRunSmall() {
        TimelineChart chart = new TimelineChart(llama);
        Painted p = paint(chart, PRESENTATION, ChartSize.SLIDE_16_9);
        Rectangle2D state = p.layout().lanes().state();
        int stateRectangles = p.fillsIn(state).stream().mapToInt(RecordingGraphics.Fill::outlines).sum();
        int rectangles = p.record().fills.stream().mapToInt(RecordingGraphics.Fill::outlines).sum();
        // Unmerged, the lane would take one rectangle per state per column.
        int columns = TimelineChart.columns(state.getWidth());
        ColumnStacks stacks = new ColumnStacks();
        stacks.compute(llama.states().summarize(chart.viewport().start(), chart.viewport().end(), columns),
                llama.categories().size(), columns, TimelineChart.units(state.getHeight()));
        int runs = 0;
        for (int x = 0; x < columns; x++) {
            runs += stacks.runs(x);
        }
        assertTrue(stateRectangles < runs, "state lane rectangles: " + stateRectangles + ", unmerged " + runs);
        assertTrue(p.fillsIn(state).size() <= llama.categories().size(), "one fill per state");
        // Checkpoints (6,172), attempts and the step strip cost their lanes' width at most, not their events.
        assertTrue(rectangles - stateRectangles < 3 * state.getWidth(), "other rectangles");
        assertTrue(rectangles < 20_000, "rectangles: " + rectangles);
        // Every column of the state lane is painted (the run covers its window): no gaps between blocks.
        double y = state.getMaxY() - 0.5;
        for (int x = (int) Math.ceil(state.getX()); x < (int) state.getMaxX(); x++) {
            assertEquals(0xFF, p.argb(x, y) >>> 24, "column " + x);
        }
    }

    @Test
    void aZoomedChartDrawsOnlyInsideItself() {
        TimelineViewport all = TimelineViewport.fit(llama.dataStart(), llama.dataEnd());
        TimelineViewport tenth = all.zoom(0.1, 0.3);
        Painted p = paint(new TimelineChart(llama, tenth), ChartStyle.screen(), ChartSize.DOCUMENT);
        Rectangle2D chart = new Rectangle2D.Double(0, 0, ChartSize.DOCUMENT.width(), ChartSize.DOCUMENT.height());
        Rectangle2D lanes = p.layout().lanes().state();
        for (RecordingGraphics.Fill f : p.record().fills) {
            assertTrue(chart.contains(f.bounds()), "inside the chart: " + f.bounds());
            if (f.bounds().getY() >= lanes.getY() && f.bounds().getY() < p.layout().lanes().bottom()) {
                assertTrue(f.bounds().getX() >= lanes.getX() - 1e-6 && f.bounds().getMaxX() <= lanes.getMaxX() + 1e-6,
                        "inside the lanes: " + f.bounds());
            }
        }
    }

    @Test
    void aSubPixelFaultStillGetsACell() {
        // One hour productive with a 1 ms cause in the middle: 1/3,600,000 of the run, far below a cell.
        long h = 3_600_000_000L;
        StateColumns cols = StateColumns.of(new long[]{0, h / 2, h / 2 + 1000}, new long[]{h / 2, h / 2 + 1000, h},
                new int[]{0, 1, 0}, 2, 0, h);
        TimelineLanes lanes = new TimelineLanes(cols, StateCategories.synthetic(2), new long[]{0}, new long[]{h},
                new boolean[1], new long[0], new long[0], null, 0, h);
        TimelineChart chart = new TimelineChart(lanes);
        Painted p = paint(chart, ChartStyle.screen(), ChartSize.DOCUMENT);
        Rectangle2D state = p.layout().lanes().state();
        double x = state.getX() + chart.viewport().xOf(h / 2, state.getWidth());
        Color cause = new Color(lanes.categories().colour(1), true);
        List<RecordingGraphics.Fill> fault = p.fillsIn(state).stream().filter(f -> f.colour().equals(cause)).toList();
        assertEquals(1, fault.size(), "one fill for the cause");
        assertEquals(1, fault.get(0).outlines(), "of one cell");
        Rectangle2D cell = fault.get(0).bounds();
        assertTrue(cell.getMinX() <= x && x <= cell.getMaxX(), "at the cause's time");
        // One unit tall and one column wide, plus at most the overlap that hides seams (none past the lane).
        for (double size : new double[]{cell.getWidth(), cell.getHeight()}) {
            assertTrue(size > TimelineChart.CELL - 0.1 && size < TimelineChart.CELL + TimelineChart.OVERLAP + 0.1,
                    "a cell: " + cell);
        }
        int reddish = 0;
        for (int y = (int) state.getY(); y < state.getMaxY(); y++) {
            int c = p.argb(x, y);
            reddish += ((c >> 16) & 0xFF) > 0x80 ? 1 : 0;
        }
        assertTrue(reddish >= 1, "the cell shows in the image");
        assertEquals(List.of("Productive", "Cause 1"), p.record().strings().stream()
                .filter(s -> s.equals("Productive") || s.startsWith("Cause")).toList(), "both in the legend");
    }

    @Test
    void theExportedKeyNamesEveryLanesMarks() {
        Painted p = paint(new TimelineChart(llama), ChartStyle.screen(), ChartSize.SLIDE_16_9);
        List<String> drawn = p.record().strings();
        for (String expected : List.of(LaneKey.ATTEMPT_PLANNED, LaneKey.ROOT_FAULT, LaneKey.OTHER_FAULT,
                LaneKey.CHECKPOINT)) {
            assertTrue(drawn.contains(expected), expected + " in " + drawn);
        }
        assertTrue(drawn.stream().anyMatch(s -> s.startsWith("Typical step ")), drawn.toString());
        assertTrue(drawn.stream().anyMatch(s -> s.startsWith(LaneKey.ANOMALOUS_STEP)), drawn.toString());
    }

    @Test
    void bloomsExportShowsItsHotSparesInTheAcceleratorsLane() {
        TimelineLanes bloom = TimelineLanes.of(dev.goodput.testing.SampleRuns.derive(
                dev.goodput.testing.SampleRuns.BLOOM));
        Painted p = paint(new TimelineChart(bloom), ChartStyle.screen(), ChartSize.SLIDE_16_9);
        Rectangle2D lane = p.layout().lanes().accelerators();
        assertTrue(lane != null && p.record().strings().contains("Accelerators in use"));
        Color spares = new Color(AcceleratorColumns.partColour(bloom.categories(),
                dev.goodput.core.model.CauseCatalog.HOT_SPARES), true);
        double width = p.record().fills.stream().filter(f -> f.colour().equals(spares)
                && f.bounds().getMinY() >= lane.getMinY() - 0.01 && f.bounds().getMaxY() <= lane.getMaxY() + 0.01)
                .mapToDouble(f -> f.bounds().getWidth()).sum();
        assertTrue(width > lane.getWidth() / 2, "hot spares through most of the run: " + width);
        assertTrue(p.record().strings().contains(dev.goodput.core.model.CauseCatalog.HOT_SPARES.label()),
                "the key names the hot spares' colour");
    }
}
