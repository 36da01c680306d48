package dev.goodput.app.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.timeline.AttemptHover;
import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.chart.timeline.IntervalLookup;
import dev.goodput.chart.timeline.MarkHover;
import dev.goodput.chart.timeline.ProfileSpan;
import dev.goodput.chart.timeline.StateCategories;
import dev.goodput.chart.timeline.StateLaneRaster;
import dev.goodput.chart.timeline.StepHover;
import dev.goodput.chart.timeline.TimeAxis;
import dev.goodput.chart.timeline.TimeRange;
import dev.goodput.chart.timeline.TimelineFrame;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.chart.timeline.TimelineViewport;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.Interval;
import dev.goodput.core.derive.IntervalState;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Run;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.util.List;
import java.util.function.Consumer;

/**
 * The interactive timeline: lanes for run state, job attempts, faults and checkpoints over a time axis (calendar
 * time and time since start), with an overview strip showing the visible range. Drawing cost depends on pixels,
 * not intervals ({@link TimelineFrame}). Wheel or W/S zoom, drag or A/D pan, F or 0 fits, double-click zooms to
 * an interval, click selects it, shift-drag selects a range; hovering shows what an interval was. Faults are drawn
 * in their causes' colours, roots filled and linked to their cascades (the derivation's links, overridden by the
 * analyst's fault roles); clicking a fault picks it, double-clicking it or Enter on the picked one opens its raw
 * line ({@link #setOnOpenFault}).
 */
public final class TimelineView extends Region {
    static final double GUTTER = 96;
    static final double AXIS_HEIGHT = 36;
    static final double PROFILE_GAP = 4;
    static final double PROFILE_HEIGHT = 16;
    static final double OVERVIEW_GAP = 10;
    static final double OVERVIEW_HEIGHT = 22;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Derivation> derivation = new SimpleObjectProperty<>(this, "derivation");
    private final ReadOnlyObjectWrapper<TimelineViewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ReadOnlyObjectWrapper<Interval> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObjectProperty<CauseKey> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ReadOnlyObjectWrapper<TimeRange> selectedRange = new ReadOnlyObjectWrapper<>(this, "selectedRange");
    private final ReadOnlyObjectWrapper<TimeRange> markedRange = new ReadOnlyObjectWrapper<>(this, "markedRange");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Tooltip tooltip = new Tooltip();
    private final ObjectProperty<java.util.List<ProfileSpan>> profiles =
            new SimpleObjectProperty<>(this, "profiles", java.util.List.of());
    private final ObjectProperty<List<FaultRole>> faultRoles = new SimpleObjectProperty<>(this, "faultRoles",
            List.of());
    private final ReadOnlyObjectWrapper<FaultEvent> pickedFault = new ReadOnlyObjectWrapper<>(this, "pickedFault");
    private final ObjectProperty<ChartStyle> chartStyle = new SimpleObjectProperty<>(this, "chartStyle",
            ChartStyle.screen());
    private Consumer<FaultEvent> onOpenFault = f -> { };
    private TimelineLanes lanes;
    private IntervalLookup lookup;
    private int[] pixels = new int[0];
    private final TimelineFrame frame = new TimelineFrame();
    private int[] overviewPixels = new int[0];
    private WritableImage image;
    private WritableImage overview;
    private double dragStartX = Double.NaN;
    private TimelineViewport dragStartView;
    /** What a drag in progress selects: the window (shift), a range to tag (shortcut), or nothing (it pans). */
    private enum RangeDrag { WINDOW, MARK }

    private RangeDrag rangeDrag;
    /** The run drawn: a new derivation of it (an edit, another window) keeps the view where it was. */
    private Run shownRun;
    private double rangeEndX;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinHeight(AXIS_HEIGHT + TimelineFrame.HEIGHT + PROFILE_GAP + PROFILE_HEIGHT + OVERVIEW_GAP + OVERVIEW_HEIGHT
                + 8);
        setPrefHeight(getMinHeight());
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.seconds(30)); // long enough to read an attempt's or a fault's story
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        tooltip.setFont(Font.font("monospace", 11));
        Tooltip.install(this, tooltip);
        tooltip.textProperty().bind(hoverText);
        // Nothing to say (an empty stretch of a lane): no empty box.
        hoverText.addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                tooltip.hide();
            }
        });
        tooltip.setOnShowing(e -> {
            if (hoverText.get().isEmpty()) {
                javafx.application.Platform.runLater(tooltip::hide);
            }
        });
        // On every new derivation, even one equal to the last: re-published so, it asks for the causes' colours again.
        derivation.addListener(obs -> load(derivation.get()));
        viewport.addListener((obs, old, v) -> redraw());
        profiles.addListener((obs, old, p) -> redraw());
        faultRoles.addListener((obs, old, r) -> relink());
        chartStyle.addListener((obs, old, st) -> redraw());
        highlight.addListener((obs, old, h) -> redraw());
        widthProperty().addListener((obs, old, w) -> {
            overview = null;
            redraw();
        });
        heightProperty().addListener((obs, old, h) -> redraw());
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** The derivation shown; set it to show another run or window. */
    public ObjectProperty<Derivation> derivationProperty() {
        return derivation;
    }

    /**
     * The fault roles an analyst set (the overlay's), each overriding the derivation's link of its fault in the fault
     * lane and its hover.
     */
    public ObjectProperty<List<FaultRole>> faultRolesProperty() {
        return faultRoles;
    }

    /** The fault clicked last (null for none); Enter opens its raw line. */
    public ReadOnlyObjectProperty<FaultEvent> pickedFaultProperty() {
        return pickedFault.getReadOnlyProperty();
    }

    /** What opens a fault's raw line: double-click on its mark, or Enter with it picked. */
    public void setOnOpenFault(Consumer<FaultEvent> action) {
        this.onOpenFault = action == null ? f -> { } : action;
    }

    /** The colours of the text, grid and outlines drawn over the lanes: the theme's. */
    public ObjectProperty<ChartStyle> chartStyleProperty() {
        return chartStyle;
    }

    /** The lanes drawn (with the analyst's fault roles), or null with no run. */
    public TimelineLanes lanes() {
        return lanes;
    }

    /**
     * The fault whose mark is at ({@code x}, {@code y}) in this view's coordinates (within three pixels, the nearest
     * in time), or null.
     */
    public FaultEvent faultAt(double x, double y) {
        if (lanes == null || viewport.get() == null || lanes.faults().links() == null || x < GUTTER
                || y < AXIS_HEIGHT + TimelineFrame.FAULT_TOP
                || y >= AXIS_HEIGHT + TimelineFrame.FAULT_TOP + TimelineFrame.FAULT_HEIGHT) {
            return null;
        }
        return lanes.faults().links().nearest(timeAtX(x), markSlack());
    }

    /** Where {@code f}'s mark is drawn, in this view's coordinates (null with no run). */
    public Point2D faultPoint(FaultEvent f) {
        TimelineViewport v = viewport.get();
        if (v == null) {
            return null;
        }
        return new Point2D(GUTTER + v.xOf(f.timeUs(), laneWidth()),
                AXIS_HEIGHT + TimelineFrame.FAULT_TOP + TimelineFrame.FAULT_HEIGHT / 2.0);
    }

    /** Profiles loaded beside the run, drawn in their own lane where they were recorded. */
    public ObjectProperty<java.util.List<ProfileSpan>> profilesProperty() {
        return profiles;
    }

    public ReadOnlyObjectProperty<TimelineViewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** The cause picked out (its intervals stay bright, the rest fade); clicking a lost interval picks its cause. */
    public ObjectProperty<CauseKey> highlightProperty() {
        return highlight;
    }

    public ReadOnlyObjectProperty<Interval> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimeRange> selectedRangeProperty() {
        return selectedRange.getReadOnlyProperty();
    }

    /** The range ctrl-dragged (⌘ on macOS) to tag its lost time; null when none. Kept across edits. */
    public ReadOnlyObjectProperty<TimeRange> markedRangeProperty() {
        return markedRange.getReadOnlyProperty();
    }

    /** The hover tooltip's text: what the interval under the mouse was (empty elsewhere). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The state categories shown (for a legend), or null without data. */
    public StateCategories categories() {
        return lanes == null ? null : lanes.categories();
    }

    public void setViewport(TimelineViewport v) {
        viewport.set(v);
    }

    public void zoomToFit() {
        if (viewport.get() != null) {
            viewport.set(viewport.get().fitAll());
        }
    }

    /** Zooms in about the middle of the view (View ▸ Zoom In, W). */
    public void zoomIn() {
        if (viewport.get() != null) {
            viewport.set(viewport.get().zoom(0.8, 0.5));
        }
    }

    /** Zooms out about the middle of the view (View ▸ Zoom Out, S). */
    public void zoomOut() {
        if (viewport.get() != null) {
            viewport.set(viewport.get().zoom(1.25, 0.5));
        }
    }

    /** Pans by a fraction of the visible span: negative to the past (A), positive to the future (D). */
    public void pan(double fraction) {
        if (viewport.get() != null) {
            viewport.set(viewport.get().pan(fraction));
        }
    }

    /** Clears the selected interval, the marked range and the picked fault (Escape). */
    public void clearSelection() {
        selected.set(null);
        selectedRange.set(null);
        markedRange.set(null);
        pickedFault.set(null);
        redraw();
    }

    /**
     * The timeline's keys, for a handler on the whole window to forward to when no text field has the focus:
     * W/S zoom, A/D pan, F or 0 fit, Enter opens the picked fault's raw line. Consumes the event when it was one.
     */
    public void handleKey(KeyEvent e) {
        onKey(e);
    }

    private void load(Derivation d) {
        Interval wasSelected = selected.get();
        selected.set(null);
        overview = null;
        if (d == null || d.intervals().isEmpty() || d.run() != shownRun) {
            pickedFault.set(null);
        }
        if (d == null || d.intervals().isEmpty()) {
            shownRun = null;
            selectedRange.set(null);
            markedRange.set(null);
            lanes = null;
            lookup = null;
            viewport.set(null);
            redraw();
            return;
        }
        lanes = TimelineLanes.of(d).withRoles(d, faultRoles.get());
        lookup = new IntervalLookup(d);
        TimelineViewport fresh = TimelineViewport.fit(lanes.dataStart(), lanes.dataEnd());
        TimelineViewport now = viewport.get();
        boolean sameRun = shownRun == d.run();
        shownRun = d.run();
        if (sameRun && now != null && now.dataStart() == fresh.dataStart() && now.dataEnd() == fresh.dataEnd()) {
            // The same window re-derived (an attribution edit): keep the zoom, the range and the selection.
            if (wasSelected != null) {
                int i = lookup.indexAt(wasSelected.startUs());
                selected.set(i < 0 ? null : lookup.get(i));
            }
            redraw();
            return;
        }
        selectedRange.set(null);
        markedRange.set(null);
        viewport.set(fresh);
    }

    /** The fault lane again after the analyst changed a fault's role. */
    private void relink() {
        Derivation d = derivation.get();
        if (lanes != null && d != null) {
            lanes = TimelineLanes.of(d).withRoles(d, faultRoles.get());
            redraw();
        }
    }

    /**
     * Shows {@code [startUs, endUs)} with some context around it and selects the interval at {@code startUs}: what
     * "next unattributed" and a row picked in the attribution table do.
     */
    public void reveal(long startUs, long endUs) {
        TimelineViewport v = viewport.get();
        if (v == null || lookup == null) {
            return;
        }
        long len = Math.max(endUs - startUs, TimelineViewport.MIN_SPAN_US);
        // Under 2% of the view is a sliver to work on (tag, split): zoom so it fills the middle third.
        boolean wideEnough = len >= v.span() / 50;
        if (!wideEnough || len > v.span()) {
            v = v.show(startUs - len, endUs + len);
        } else if (startUs < v.start() || endUs > v.end()) {
            v = v.pan((double) (startUs + len / 2 - (v.start() + v.span() / 2)) / v.span());
        }
        viewport.set(v);
        int i = lookup.indexAt(startUs);
        selected.set(i < 0 ? null : lookup.get(i));
        redraw();
    }

    /** Where time {@code t} is drawn in the state lane, in this view's coordinates (null with no run). */
    public Point2D stateLanePoint(long t) {
        TimelineViewport v = viewport.get();
        if (v == null) {
            return null;
        }
        return new Point2D(GUTTER + v.xOf(t, laneWidth()), AXIS_HEIGHT + TimelineFrame.STATE_HEIGHT / 2.0);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    double laneWidth() {
        return Math.max(1, getWidth() - GUTTER - 8);
    }

    private double profileTop() {
        return AXIS_HEIGHT + TimelineFrame.HEIGHT + PROFILE_GAP;
    }

    private double overviewTop() {
        return profileTop() + PROFILE_HEIGHT + OVERVIEW_GAP;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        TimelineViewport v = viewport.get();
        if (lanes == null || v == null || getWidth() < GUTTER + 20) {
            g.setFill(fx(chartStyle.get().mutedText()));
            g.fillText("No run loaded: open a run log (File ▸ Open…) or drop it here.", 12, 24);
            return;
        }
        int w = (int) laneWidth();
        if (pixels.length < w * TimelineFrame.HEIGHT) {
            pixels = new int[w * TimelineFrame.HEIGHT];
        }
        CauseKey picked = highlight.get();
        frame.highlight(TimelineFrame.highlightOf(lanes.categories(), picked));
        frame.paint(lanes, v, w, pixels);
        if (image == null || (int) image.getWidth() != w) {
            image = new WritableImage(w, TimelineFrame.HEIGHT);
        }
        image.getPixelWriter().setPixels(0, 0, w, TimelineFrame.HEIGHT, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        g.drawImage(image, GUTTER, AXIS_HEIGHT);
        drawAxis(g, v, w);
        drawLabels(g);
        drawProfiles(g, v, w);
        drawOverview(g, v, w);
        drawSelection(g, v, w);
        drawPickedFault(g, v, w);
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    /** A frame around the picked fault's mark, in the text's colour (it shows on either theme). */
    private void drawPickedFault(GraphicsContext g, TimelineViewport v, int w) {
        FaultEvent f = pickedFault.get();
        if (f == null || f.timeUs() < v.start() || f.timeUs() > v.end()) {
            return;
        }
        double x = GUTTER + v.xOf(f.timeUs(), w);
        double half = TimelineFrame.FAULT_HEIGHT / 2.0 + 1;
        g.setStroke(fx(chartStyle.get().text()));
        g.setLineWidth(1.5);
        g.strokeRect(Math.round(x) - half + 0.5, AXIS_HEIGHT + TimelineFrame.FAULT_TOP - 2.5, 2 * half,
                TimelineFrame.FAULT_HEIGHT + 4);
    }

    private void drawAxis(GraphicsContext g, TimelineViewport v, int w) {
        ChartStyle style = chartStyle.get();
        g.setFont(Font.font(11));
        g.setStroke(fx(style.grid()));
        g.setLineWidth(1);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(v, w, 110);
        for (TimeAxis.Tick t : ticks) {
            double x = GUTTER + v.xOf(t.timeUs(), w);
            g.strokeLine(x + 0.5, AXIS_HEIGHT - 6, x + 0.5, AXIS_HEIGHT + TimelineFrame.HEIGHT);
            g.setFill(fx(style.text()));
            g.fillText(t.calendar(), x + 3, 13);
            g.setFill(fx(style.mutedText()));
            g.fillText(t.elapsed(), x + 3, 27);
        }
    }

    private void drawLabels(GraphicsContext g) {
        g.setFill(fx(chartStyle.get().text()));
        g.setFont(Font.font(12));
        g.fillText("Run state", 8, AXIS_HEIGHT + TimelineFrame.STATE_HEIGHT / 2.0 + 4);
        g.fillText("Attempts", 8, AXIS_HEIGHT + TimelineFrame.ATTEMPT_TOP + 11);
        g.fillText("Faults", 8, AXIS_HEIGHT + TimelineFrame.FAULT_TOP + 10);
        g.fillText("Checkpoints", 8, AXIS_HEIGHT + TimelineFrame.CHECKPOINT_TOP + 9);
        g.fillText("Step time", 8, AXIS_HEIGHT + TimelineFrame.STEP_TOP + 11);
        if (!profiles.get().isEmpty()) {
            g.fillText("Profiles", 8, profileTop() + 12);
        }
        g.fillText("Overview", 8, overviewTop() + 15);
    }

    /** Each profile as a bar where its steps ran (at least 3 px: seconds of profile in weeks of run). */
    private void drawProfiles(GraphicsContext g, TimelineViewport v, int w) {
        double top = profileTop();
        for (ProfileSpan p : profiles.get()) {
            if (p.endUs() < v.start() || p.startUs() > v.end()) {
                continue;
            }
            double x0 = GUTTER + Math.max(0, v.xOf(p.startUs(), w));
            double x1 = GUTTER + Math.min(w, v.xOf(p.endUs(), w));
            g.setFill(Color.rgb(204, 121, 167));
            g.fillRect(x0, top, Math.max(3, x1 - x0), PROFILE_HEIGHT);
            g.setFill(fx(chartStyle.get().text()));
            g.setFont(Font.font(11));
            g.fillText(p.label(), Math.min(x0 + Math.max(3, x1 - x0) + 4, GUTTER + w - 140), top + 12);
        }
    }

    /** The whole run, small, with the visible range outlined; rendered once per size and derivation. */
    private void drawOverview(GraphicsContext g, TimelineViewport v, int w) {
        int h = (int) OVERVIEW_HEIGHT;
        if (overview == null || (int) overview.getWidth() != w) {
            float[] shares = lanes.states().summarize(v.dataStart(), v.dataEnd(), w);
            StateCategories c = lanes.categories();
            int[] colours = new int[c.size()];
            for (int i = 0; i < colours.length; i++) {
                colours[i] = c.colour(i);
            }
            overviewPixels = new int[w * h];
            new StateLaneRaster().paint(shares, c.size(), colours, w, overviewPixels, w, 0, h);
            overview = new WritableImage(w, h);
            overview.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), overviewPixels, 0, w);
        }
        double top = overviewTop();
        g.drawImage(overview, GUTTER, top);
        TimelineViewport all = v.fitAll();
        double x0 = GUTTER + all.xOf(v.start(), w);
        double x1 = GUTTER + all.xOf(v.end(), w);
        g.setStroke(fx(chartStyle.get().text()));
        g.setLineWidth(2);
        g.strokeRect(x0, top - 1, Math.max(2, x1 - x0), h + 2);
    }

    private void drawSelection(GraphicsContext g, TimelineViewport v, int w) {
        Interval s = selected.get();
        if (s != null && s.endUs() > v.start() && s.startUs() < v.end()) {
            double x0 = GUTTER + Math.max(0, v.xOf(s.startUs(), w));
            double x1 = GUTTER + Math.min(w, v.xOf(s.endUs(), w));
            g.setStroke(fx(chartStyle.get().text()));
            g.setLineWidth(2);
            g.strokeRect(x0, AXIS_HEIGHT, Math.max(2, x1 - x0), TimelineFrame.STATE_HEIGHT);
        }
        shadeRange(g, v, w, selectedRange.get(), RangeDrag.WINDOW, Color.rgb(0, 114, 178, 0.18));
        shadeRange(g, v, w, markedRange.get(), RangeDrag.MARK, Color.rgb(230, 159, 0, 0.28));
    }

    /** A range, or the drag making one of that kind, shaded over the lanes. */
    private void shadeRange(GraphicsContext g, TimelineViewport v, int w, TimeRange r, RangeDrag kind, Color fill) {
        boolean dragging = rangeDrag == kind;
        if (dragging || r != null) {
            double x0 = dragging ? dragStartX : GUTTER + v.xOf(r.startUs(), w);
            double x1 = dragging ? rangeEndX : GUTTER + v.xOf(r.endUs(), w);
            g.setFill(fill);
            g.fillRect(Math.min(x0, x1), AXIS_HEIGHT, Math.abs(x1 - x0), TimelineFrame.HEIGHT);
        }
    }

    private boolean inLanes(double x, double y) {
        return x >= GUTTER && y >= AXIS_HEIGHT && y < AXIS_HEIGHT + TimelineFrame.HEIGHT;
    }

    private boolean inOverview(double x, double y) {
        return x >= GUTTER && y >= overviewTop() && y < overviewTop() + OVERVIEW_HEIGHT;
    }

    private long timeAtX(double x) {
        return viewport.get().timeAt(x - GUTTER, laneWidth());
    }

    /** Three pixels of time: how near the pointer must be to a fault's or checkpoint's mark. */
    private long markSlack() {
        return viewport.get().span() / (long) Math.max(1, laneWidth()) * 3;
    }

    void hover(double x, double y) {
        if (viewport.get() != null && x >= GUTTER && y >= profileTop() && y < profileTop() + PROFILE_HEIGHT) {
            long t = timeAtX(x);
            long slack = markSlack();
            hoverText.set(profiles.get().stream().filter(p -> t >= p.startUs() - slack && t <= p.endUs() + slack)
                    .map(ProfileSpan::details).findFirst().orElse(""));
            return;
        }
        if (derivation.get() != null && viewport.get() != null && x >= GUTTER
                && y >= AXIS_HEIGHT + TimelineFrame.ATTEMPT_TOP
                && y < AXIS_HEIGHT + TimelineFrame.ATTEMPT_TOP + TimelineFrame.ATTEMPT_HEIGHT) {
            long slack = viewport.get().span() / (long) Math.max(1, laneWidth()) * 2;
            hoverText.set(AttemptHover.at(derivation.get(), timeAtX(x), slack));
            return;
        }
        if (derivation.get() != null && viewport.get() != null && x >= GUTTER) {
            long slack = markSlack();
            if (y >= AXIS_HEIGHT + TimelineFrame.FAULT_TOP
                    && y < AXIS_HEIGHT + TimelineFrame.FAULT_TOP + TimelineFrame.FAULT_HEIGHT) {
                FaultLinks links = lanes == null ? null : lanes.faults().links();
                hoverText.set(links == null ? "" : MarkHover.fault(links, timeAtX(x), slack));
                return;
            }
            if (y >= AXIS_HEIGHT + TimelineFrame.CHECKPOINT_TOP
                    && y < AXIS_HEIGHT + TimelineFrame.CHECKPOINT_TOP + TimelineFrame.CHECKPOINT_HEIGHT) {
                hoverText.set(MarkHover.checkpoint(derivation.get(), timeAtX(x), slack));
                return;
            }
        }
        if (lookup != null && x >= GUTTER && y >= AXIS_HEIGHT + TimelineFrame.STEP_TOP
                && y < AXIS_HEIGHT + TimelineFrame.STEP_TOP + TimelineFrame.STEP_HEIGHT) {
            // The step under the pointer; a slow step says its excess over the typical step (slow_steps).
            long column = viewport.get().span() / (long) Math.max(1, laneWidth());
            hoverText.set(StepHover.at(derivation.get(), lanes.stepTimes(), timeAtX(x), column));
            return;
        }
        if (lookup == null || !inLanes(x, y) || y >= AXIS_HEIGHT + TimelineFrame.STATE_HEIGHT) {
            hoverText.set("");
            return;
        }
        int i = lookup.indexAt(timeAtX(x));
        hoverText.set(i < 0 ? "" : IntervalLookup.describe(lookup.get(i)));
    }

    private void onScroll(ScrollEvent e) {
        if (viewport.get() == null || e.getDeltaY() == 0) {
            return;
        }
        double anchor = Math.max(0, Math.min(1, (e.getX() - GUTTER) / laneWidth()));
        viewport.set(viewport.get().zoom(Math.pow(0.85, e.getDeltaY() / 40.0), anchor));
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (viewport.get() == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (inOverview(e.getX(), e.getY())) {
            centerOnOverview(e.getX());
            return;
        }
        dragStartX = e.getX();
        dragStartView = viewport.get();
        rangeDrag = e.isShiftDown() ? RangeDrag.WINDOW : e.isShortcutDown() ? RangeDrag.MARK : null;
        rangeEndX = e.getX();
    }

    private void onDragged(MouseEvent e) {
        if (viewport.get() == null) {
            return;
        }
        if (inOverview(e.getX(), e.getY()) && Double.isNaN(dragStartX)) {
            centerOnOverview(e.getX());
        } else if (!Double.isNaN(dragStartX) && rangeDrag != null) {
            rangeEndX = e.getX();
            redraw();
        } else if (!Double.isNaN(dragStartX)) {
            viewport.set(dragStartView.pan(-(e.getX() - dragStartX) / laneWidth()));
        }
    }

    private void onReleased(MouseEvent e) {
        if (rangeDrag != null && Math.abs(e.getX() - dragStartX) >= 3) {
            TimeRange r = new TimeRange(timeAtX(dragStartX), timeAtX(e.getX()));
            (rangeDrag == RangeDrag.WINDOW ? selectedRange : markedRange).set(r);
        }
        rangeDrag = null;
        dragStartX = Double.NaN;
        redraw();
    }

    private void onClicked(MouseEvent e) {
        if (lookup == null || !e.isStillSincePress() || !inLanes(e.getX(), e.getY()) || e.isShiftDown()
                || e.isShortcutDown()) {
            return;
        }
        markedRange.set(null);
        FaultEvent fault = faultAt(e.getX(), e.getY());
        if (fault != null) {
            // A fault picked: its cause picked out in the state lane; a double-click opens its raw line.
            pickedFault.set(fault);
            highlight.set(new CauseKey(fault.layer() == null ? Layer.INFRA : fault.layer(), fault.cause()));
            redraw();
            if (e.getClickCount() == 2) {
                onOpenFault.accept(fault);
            }
            return;
        }
        int i = lookup.indexAt(timeAtX(e.getX()));
        if (i < 0) {
            return;
        }
        Interval iv = lookup.get(i);
        selected.set(iv);
        highlight.set(iv.state() instanceof IntervalState.Lost lost
                ? new CauseKey(lost.cause().layer(), lost.cause().id()) : null);
        if (e.getClickCount() == 2) {
            viewport.set(viewport.get().show(iv.startUs(), iv.endUs()));
        }
        redraw();
    }

    private void centerOnOverview(double x) {
        TimelineViewport v = viewport.get();
        long t = v.fitAll().timeAt(x - GUTTER, laneWidth());
        viewport.set(v.pan((double) (t - (v.start() + v.span() / 2)) / v.span()));
    }

    private void onKey(KeyEvent e) {
        TimelineViewport v = viewport.get();
        if (v == null) {
            return;
        }
        switch (e.getCode()) {
            case W -> viewport.set(v.zoom(0.8, 0.5));
            case S -> viewport.set(v.zoom(1.25, 0.5));
            case A -> viewport.set(v.pan(-0.2));
            case D -> viewport.set(v.pan(0.2));
            case F, DIGIT0 -> viewport.set(v.fitAll());
            case ENTER -> {
                if (pickedFault.get() == null) {
                    return;
                }
                onOpenFault.accept(pickedFault.get());
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
