package dev.goodput.app.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.timeline.AcceleratorHover;
import dev.goodput.chart.timeline.AttemptHover;
import dev.goodput.chart.timeline.FrameLane;
import dev.goodput.chart.timeline.FrameLayout;
import dev.goodput.chart.timeline.ProfileLane;
import dev.goodput.chart.timeline.StepScale;
import dev.goodput.chart.timeline.FaultLinks;
import dev.goodput.chart.timeline.IntervalLookup;
import dev.goodput.chart.timeline.LaneColours;
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
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
    static final double GUTTER = 124;
    private static final Font LABEL_FONT = Font.font(12);
    private static final Font SCALE_FONT = Font.font(10);
    static final double AXIS_HEIGHT = 36;
    static final double PROFILE_GAP = 4;
    static final double PROFILE_HEIGHT = 16;
    static final double OVERVIEW_GAP = 10;
    static final double OVERVIEW_HEIGHT = 22;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<Derivation> derivation = new SimpleObjectProperty<>(this, "derivation");
    /** What is shown and picked; this node draws it and turns gestures into its moves. */
    private final TimelineViewModel model;
    private final ReadOnlyObjectWrapper<TimelineViewport> viewport;
    private final ReadOnlyObjectWrapper<Interval> selected;
    private final ObjectProperty<CauseKey> highlight;
    private final ReadOnlyObjectWrapper<TimeRange> selectedRange;
    private final ReadOnlyObjectWrapper<TimeRange> markedRange;
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final Tooltip tooltip = new Tooltip();
    private final ObjectProperty<java.util.List<ProfileSpan>> profiles =
            new SimpleObjectProperty<>(this, "profiles", java.util.List.of());
    private final ObjectProperty<List<FaultRole>> faultRoles = new SimpleObjectProperty<>(this, "faultRoles",
            List.of());
    private final ReadOnlyObjectWrapper<FaultEvent> pickedFault;
    private final ObjectProperty<ChartStyle> chartStyle = new SimpleObjectProperty<>(this, "chartStyle",
            ChartStyle.screen());
    private Consumer<FaultEvent> onOpenFault = f -> { };
    private TimelineLanes lanes;
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
    private final Map<TimelineLane, BooleanProperty> laneVisible = new EnumMap<>(TimelineLane.class);
    private FrameLayout layout;
    private int layoutAvailable = -1;
    private EnumSet<FrameLane> layoutLanes = EnumSet.noneOf(FrameLane.class);
    private double rangeEndX;
    /** Where the pointer was last, on the screen: the tooltip goes beside it. */
    private double pointerX = Double.NaN;
    private double pointerY;

    public TimelineView() {
        this(new TimelineViewModel());
    }

    /** A view of {@code model}: what it shows and picks is the model's, shared with the table and the tagger. */
    public TimelineView(TimelineViewModel model) {
        this.model = model;
        viewport = model.viewport;
        selected = model.selected;
        highlight = model.highlight;
        selectedRange = model.selectedRange;
        markedRange = model.markedRange;
        pickedFault = model.pickedFault;
        getStyleClass().add("timeline-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        for (TimelineLane lane : TimelineLane.values()) {
            laneVisibleProperty(lane).addListener((obs, old, shown) -> relayout());
        }
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setShowDuration(Duration.seconds(30)); // long enough to read an attempt's or a fault's story
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(640);
        tooltip.setFont(Font.font("monospace", 11));
        tooltip.textProperty().bind(hoverText);
        // The view shows and hides it; it must not swallow keys (Escape clears the selection, not the tooltip).
        tooltip.setAutoHide(false);
        tooltip.setConsumeAutoHidingEvents(false);
        // Shown by the view itself, beside the pointer, whenever there is something to say and hidden when there is
        // nothing (an empty stretch of a lane): never an empty box, never where the previous hover was.
        hoverText.addListener((obs, old, text) -> placeTooltip());
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverText.set(""));
        // On every new derivation, even one equal to the last: re-published so, it asks for the causes' colours again.
        derivation.addListener(obs -> {
            load(derivation.get());
            relayout(); // the accelerators lane comes and goes with partial allocation
        });
        viewport.addListener((obs, old, v) -> redraw());
        profiles.addListener((obs, old, p) -> relayout());
        faultRoles.addListener((obs, old, r) -> relink());
        chartStyle.addListener((obs, old, st) -> redraw());
        highlight.addListener((obs, old, h) -> redraw());
        selected.addListener((obs, old, s) -> redraw());
        selectedRange.addListener((obs, old, r) -> redraw());
        markedRange.addListener((obs, old, r) -> redraw());
        pickedFault.addListener((obs, old, f) -> redraw());
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
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            pointerX = e.getScreenX();
            pointerY = e.getScreenY();
            hover(e.getX(), e.getY());
            placeTooltip();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** The hover's tooltip, shown beside the pointer while the hover has something to say. */
    Tooltip tooltip() {
        return tooltip;
    }

    private void placeTooltip() {
        if (hoverText.get().isEmpty() || getScene() == null || getScene().getWindow() == null
                || !getScene().getWindow().isShowing() || Double.isNaN(pointerX)) {
            tooltip.hide();
            return;
        }
        // Below and right of the pointer, so it never covers what is pointed at or catches the pointer.
        if (tooltip.isShowing()) {
            tooltip.setAnchorX(pointerX + 14);
            tooltip.setAnchorY(pointerY + 18);
        } else {
            tooltip.show(this, pointerX + 14, pointerY + 18);
        }
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
                || !band(TimelineLane.FAULTS).contains(y)) {
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
        return new Point2D(GUTTER + v.xOf(f.timeUs(), laneWidth()), band(TimelineLane.FAULTS).centre());
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
        model.setViewport(v);
    }

    public void zoomToFit() {
        model.zoomToFit();
    }

    /** Zooms in about the middle of the view (View ▸ Zoom In, W). */
    public void zoomIn() {
        model.zoomIn();
    }

    /** Zooms out about the middle of the view (View ▸ Zoom Out, S). */
    public void zoomOut() {
        model.zoomOut();
    }

    /** Pans by a fraction of the visible span: negative to the past (A), positive to the future (D). */
    public void pan(double fraction) {
        model.pan(fraction);
    }

    /** Clears the selected interval, the marked range and the picked fault. */
    public void clearSelection() {
        model.clearSelection();
    }

    /**
     * The timeline's keys, for a handler on the whole window to forward to when no text field has the focus:
     * W/S zoom, A/D pan, F or 0 fit, Enter opens the picked fault's raw line, Escape clears the selection, ranges and
     * highlight. Consumes the event when it was one (Escape only when there was something to clear).
     */
    public void handleKey(KeyEvent e) {
        onKey(e);
    }

    private void load(Derivation d) {
        overview = null;
        lanes = d == null || d.intervals().isEmpty() ? null : TimelineLanes.of(d).withRoles(d, faultRoles.get());
        model.load(d, lanes == null ? 0 : lanes.dataStart(), lanes == null ? 0 : lanes.dataEnd());
        redraw();
    }

    /** What the timeline shows and picks, for the classes that work on it (the tagger, the navigator, the table). */
    public TimelineViewModel model() {
        return model;
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
        model.reveal(startUs, endUs);
    }

    /** Where time {@code t} is drawn in the state lane, in this view's coordinates (null with no run). */
    public Point2D stateLanePoint(long t) {
        TimelineViewport v = viewport.get();
        if (v == null) {
            return null;
        }
        return new Point2D(GUTTER + v.xOf(t, laneWidth()), band(TimelineLane.RUN_STATE).centre());
    }

    /** Where a lane is drawn, in this view's coordinates (its top and height). */
    public record LaneBand(double top, double height) {
        public double centre() {
            return top + height / 2;
        }

        boolean contains(double y) {
            return y >= top && y < top + height;
        }
    }

    /** Where {@code lane} is drawn (height 0 when hidden, or with nothing to show). */
    public LaneBand band(TimelineLane lane) {
        FrameLayout l = frameLayout();
        return switch (lane) {
            case RUN_STATE -> frameBand(l, FrameLane.STATE);
            case ACCELERATORS -> frameBand(l, FrameLane.ACCELERATORS);
            case ATTEMPTS -> frameBand(l, FrameLane.ATTEMPTS);
            case FAULTS -> frameBand(l, FrameLane.FAULTS);
            case CHECKPOINTS -> frameBand(l, FrameLane.CHECKPOINTS);
            case STEP_TIME -> frameBand(l, FrameLane.STEPS);
            case PROFILES -> new LaneBand(profileTop(), profilesShown() ? PROFILE_HEIGHT : 0);
            case OVERVIEW -> new LaneBand(overviewTop(), shown(TimelineLane.OVERVIEW) ? OVERVIEW_HEIGHT : 0);
        };
    }

    private static LaneBand frameBand(FrameLayout l, FrameLane lane) {
        return new LaneBand(AXIS_HEIGHT + l.top(lane), l.height(lane));
    }

    /** Whether a lane is drawn (View ▸ Lanes); all are at first. Hidden lanes leave no gap. */
    public BooleanProperty laneVisibleProperty(TimelineLane lane) {
        return laneVisible.computeIfAbsent(lane, l -> new SimpleBooleanProperty(this, "laneVisible" + l.name(), true));
    }

    private boolean shown(TimelineLane lane) {
        return laneVisibleProperty(lane).get();
    }

    /** The profile lane shows once a profile is loaded beside the run. */
    private boolean profilesShown() {
        return shown(TimelineLane.PROFILES) && !profiles.get().isEmpty();
    }

    /** The frame's lanes shown: those the user keeps, the accelerators only where part of the allocation idles. */
    private EnumSet<FrameLane> frameLanes() {
        EnumSet<FrameLane> out = EnumSet.noneOf(FrameLane.class);
        if (shown(TimelineLane.RUN_STATE)) {
            out.add(FrameLane.STATE);
        }
        if (shown(TimelineLane.ACCELERATORS) && lanes != null && lanes.partialAllocation()) {
            out.add(FrameLane.ACCELERATORS);
        }
        if (shown(TimelineLane.ATTEMPTS)) {
            out.add(FrameLane.ATTEMPTS);
        }
        if (shown(TimelineLane.FAULTS)) {
            out.add(FrameLane.FAULTS);
        }
        if (shown(TimelineLane.CHECKPOINTS)) {
            out.add(FrameLane.CHECKPOINTS);
        }
        if (shown(TimelineLane.STEP_TIME)) {
            out.add(FrameLane.STEPS);
        }
        return out;
    }

    /** Height under the lanes: the profile lane and the overview when shown, and a margin. */
    private double belowFrame() {
        return (profilesShown() ? PROFILE_GAP + PROFILE_HEIGHT : 0)
                + (shown(TimelineLane.OVERVIEW) ? OVERVIEW_GAP + OVERVIEW_HEIGHT : 0) + 8;
    }

    /** The lanes fitted to the view's height: extra height to the run state (and some to the step times). */
    private FrameLayout frameLayout() {
        int available = (int) Math.max(0, getHeight() - AXIS_HEIGHT - belowFrame());
        EnumSet<FrameLane> shown = frameLanes();
        if (layout == null || layoutAvailable != available || !layoutLanes.equals(shown)) {
            layout = FrameLayout.of(shown, available);
            layoutAvailable = available;
            layoutLanes = shown;
        }
        return layout;
    }

    private void relayout() {
        requestLayout();
        if (getParent() != null) {
            getParent().requestLayout();
        }
        redraw();
    }

    @Override
    protected double computeMinHeight(double width) {
        return AXIS_HEIGHT + FrameLayout.minimumHeight(frameLanes()) + belowFrame();
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
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
        return AXIS_HEIGHT + frameLayout().height() + PROFILE_GAP;
    }

    private double overviewTop() {
        return profileTop() - PROFILE_GAP + (profilesShown() ? PROFILE_GAP + PROFILE_HEIGHT : 0) + OVERVIEW_GAP;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        ChartStyle style = chartStyle.get();
        // The page's own colour under everything: text and marks are chosen against it, on either theme.
        g.setFill(fx(style.background()));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        TimelineViewport v = viewport.get();
        if (lanes == null || v == null || getWidth() < GUTTER + 20) {
            g.setFill(fx(chartStyle.get().mutedText()));
            g.fillText("No run loaded: open a run log (File ▸ Open…) or drop it here.", 12, 24);
            return;
        }
        int w = (int) laneWidth();
        FrameLayout l = frameLayout();
        int h = Math.max(1, l.height());
        if (pixels.length < w * h) {
            pixels = new int[w * h];
        }
        CauseKey picked = highlight.get();
        frame.highlight(TimelineFrame.highlightOf(lanes.categories(), picked));
        frame.colours(LaneColours.of(style));
        frame.paint(lanes, v, l, w, pixels);
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        g.drawImage(image, GUTTER, AXIS_HEIGHT);
        drawOutlines(g, w);
        drawAxis(g, v, w);
        drawLabels(g);
        if (profilesShown()) {
            drawProfiles(g, v, w);
        }
        if (shown(TimelineLane.OVERVIEW)) {
            drawOverview(g, v, w);
        }
        drawSelection(g, v, w);
        drawPickedFault(g, v, w);
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    /** A frame around the picked fault's mark, in the text's colour (it shows on either theme). */
    private void drawPickedFault(GraphicsContext g, TimelineViewport v, int w) {
        FaultEvent f = pickedFault.get();
        LaneBand faults = band(TimelineLane.FAULTS);
        if (f == null || f.timeUs() < v.start() || f.timeUs() > v.end() || faults.height() == 0) {
            return;
        }
        double x = GUTTER + v.xOf(f.timeUs(), w);
        double half = TimelineFrame.FAULT_HEIGHT / 2.0 + 1;
        g.setStroke(fx(chartStyle.get().text()));
        g.setLineWidth(1.5);
        g.strokeRect(Math.round(x) - half + 0.5, faults.top() - 2.5, 2 * half, faults.height() + 4);
    }

    /** A thin frame around each lane in the theme's outline colour, so an empty stretch reads as the lane's. */
    private void drawOutlines(GraphicsContext g, int w) {
        g.setStroke(fx(chartStyle.get().outline()));
        g.setLineWidth(1);
        FrameLayout l = frameLayout();
        for (FrameLane lane : FrameLane.values()) {
            if (l.shown(lane)) {
                g.strokeRect(GUTTER - 0.5, AXIS_HEIGHT + l.top(lane) - 0.5, w + 1, l.height(lane) + 1);
            }
        }
    }

    private void drawAxis(GraphicsContext g, TimelineViewport v, int w) {
        ChartStyle style = chartStyle.get();
        g.setFont(Font.font(11));
        g.setStroke(fx(style.grid()));
        g.setLineWidth(1);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(v, w, 110);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(g.getFont());
        for (TimeAxis.Tick t : ticks) {
            double x = GUTTER + v.xOf(t.timeUs(), w);
            g.strokeLine(x + 0.5, AXIS_HEIGHT - 6, x + 0.5, AXIS_HEIGHT + frameLayout().height());
            measure.setText(t.calendar().length() >= t.elapsed().length() ? t.calendar() : t.elapsed());
            if (x + 3 + measure.getLayoutBounds().getWidth() > getWidth()) {
                continue; // a label cut by the edge says nothing
            }
            g.setFill(fx(style.text()));
            g.fillText(t.calendar(), x + 3, 13);
            g.setFill(fx(style.mutedText()));
            g.fillText(t.elapsed(), x + 3, 27);
        }
    }

    /** Each lane's name in the gutter, centred on it (pushed down clear of the one above); under the step time's, its scale. */
    private void drawLabels(GraphicsContext g) {
        ChartStyle style = chartStyle.get();
        List<String> scale = stepScale();
        for (GutterLabels.Block b : labelBlocks()) {
            g.setFill(fx(style.text()));
            g.setFont(LABEL_FONT);
            g.fillText(b.lane().label(), 8, b.baseline(), GUTTER - 12);
            g.setFill(fx(style.mutedText()));
            g.setFont(SCALE_FONT);
            for (int i = 0; i < b.scaleLines(); i++) {
                g.fillText(scale.get(i), 8, b.baseline() + GutterLabels.SCALE_LINE * (i + 1), GUTTER - 12);
            }
        }
    }

    /** Where the gutter's names (and the step time's scale) go, one block per lane shown. */
    List<GutterLabels.Block> labelBlocks() {
        List<GutterLabels.Lane> shown = new ArrayList<>();
        int scale = stepScale().size();
        for (TimelineLane lane : TimelineLane.values()) {
            LaneBand b = band(lane);
            if (b.height() > 0) {
                shown.add(new GutterLabels.Lane(lane, b.top(), b.height(), lane == TimelineLane.STEP_TIME ? scale : 0));
            }
        }
        javafx.scene.text.Text measure = new javafx.scene.text.Text("Ag");
        measure.setFont(LABEL_FONT);
        double ascent = measure.getBaselineOffset();
        return GutterLabels.place(shown, ascent, measure.getLayoutBounds().getHeight() - ascent);
    }

    /** The step-time lane's scale, as its gutter shows it when there is room: typical step, slowest in view. */
    public List<String> stepScale() {
        TimelineViewport v = viewport.get();
        return lanes == null || v == null ? List.of() : StepScale.lines(lanes.stepTimes(), v);
    }

    /**
     * Each profile as a bar where its steps ran (at least 3 px: seconds of profile in weeks of run); a profile out of
     * view is named in words with its time, so the lane is never silently empty.
     */
    private void drawProfiles(GraphicsContext g, TimelineViewport v, int w) {
        double top = profileTop();
        g.setFont(Font.font(11));
        for (ProfileSpan p : profiles.get()) {
            if (!ProfileLane.inView(p, v)) {
                continue;
            }
            double x0 = GUTTER + Math.max(0, v.xOf(p.startUs(), w));
            double x1 = GUTTER + Math.min(w, v.xOf(p.endUs(), w));
            g.setFill(fx(chartStyle.get().profile()));
            g.fillRect(x0, top, Math.max(3, x1 - x0), PROFILE_HEIGHT);
            g.setFill(fx(chartStyle.get().text()));
            g.fillText(p.label(), Math.min(x0 + Math.max(3, x1 - x0) + 4, GUTTER + w - 140), top + 12);
        }
        String note = ProfileLane.note(profiles.get(), v);
        if (!note.isEmpty()) {
            g.setFill(fx(chartStyle.get().mutedText()));
            g.fillText(note, GUTTER + 4, top + 12, w - 8);
        }
    }

    /** The profile lane's words for the profiles out of view ("" when all show). */
    public String profileNote() {
        return viewport.get() == null ? "" : ProfileLane.note(profiles.get(), viewport.get());
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
            LaneBand state = band(TimelineLane.RUN_STATE);
            g.strokeRect(x0, state.top(), Math.max(2, x1 - x0), state.height());
        }
        shadeRange(g, v, w, selectedRange.get(), RangeDrag.WINDOW, fx(chartStyle.get().windowRangeFill()));
        shadeRange(g, v, w, markedRange.get(), RangeDrag.MARK, fx(chartStyle.get().markedRangeFill()));
    }

    /** A range, or the drag making one of that kind, shaded over the lanes. */
    private void shadeRange(GraphicsContext g, TimelineViewport v, int w, TimeRange r, RangeDrag kind, Color fill) {
        boolean dragging = rangeDrag == kind;
        if (dragging || r != null) {
            double x0 = dragging ? dragStartX : GUTTER + v.xOf(r.startUs(), w);
            double x1 = dragging ? rangeEndX : GUTTER + v.xOf(r.endUs(), w);
            g.setFill(fill);
            g.fillRect(Math.min(x0, x1), AXIS_HEIGHT, Math.abs(x1 - x0), frameLayout().height());
        }
    }

    private boolean inLanes(double x, double y) {
        return x >= GUTTER && y >= AXIS_HEIGHT && y < AXIS_HEIGHT + frameLayout().height();
    }

    private boolean inOverview(double x, double y) {
        return x >= GUTTER && band(TimelineLane.OVERVIEW).contains(y);
    }

    private long timeAtX(double x) {
        return viewport.get().timeAt(x - GUTTER, laneWidth());
    }

    /** Three pixels of time: how near the pointer must be to a fault's or checkpoint's mark. */
    private long markSlack() {
        return viewport.get().span() / (long) Math.max(1, laneWidth()) * 3;
    }

    void hover(double x, double y) {
        hoverText.set(hoverAt(x, y));
    }

    /** What the lane under ({@code x}, {@code y}) has to say there; "" for nothing (no empty tooltip). */
    private String hoverAt(double x, double y) {
        Derivation d = derivation.get();
        TimelineViewport v = viewport.get();
        if (d == null || v == null || lanes == null || x < GUTTER) {
            return "";
        }
        long t = timeAtX(x);
        long slack = markSlack();
        if (band(TimelineLane.PROFILES).contains(y)) {
            return ProfileLane.hover(profiles.get(), v, t, slack);
        }
        if (band(TimelineLane.ATTEMPTS).contains(y)) {
            return AttemptHover.at(d, t, v.span() / (long) Math.max(1, laneWidth()) * 2);
        }
        if (band(TimelineLane.FAULTS).contains(y)) {
            FaultLinks links = lanes.faults().links();
            return links == null ? "" : MarkHover.fault(links, t, slack);
        }
        if (band(TimelineLane.CHECKPOINTS).contains(y)) {
            return MarkHover.checkpoint(d, t, slack);
        }
        if (band(TimelineLane.STEP_TIME).contains(y)) {
            // The step under the pointer; a slow step says its excess over the typical step (slow_steps).
            long column = v.span() / (long) Math.max(1, laneWidth());
            return StepHover.at(d, lanes.stepTimes(), t, column);
        }
        if (band(TimelineLane.ACCELERATORS).contains(y) && model.lookup() != null) {
            int i = model.lookup().indexAt(t);
            return i < 0 ? "" : AcceleratorHover.describe(model.lookup().get(i), lanes.accelerators().capacity());
        }
        if (band(TimelineLane.RUN_STATE).contains(y) && model.lookup() != null) {
            int i = model.lookup().indexAt(t);
            return i < 0 ? "" : IntervalLookup.describe(model.lookup().get(i));
        }
        return "";
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
            if (rangeDrag == RangeDrag.WINDOW) {
                model.selectRange(r);
            } else {
                model.markRange(r);
            }
        }
        rangeDrag = null;
        dragStartX = Double.NaN;
        redraw();
    }

    private void onClicked(MouseEvent e) {
        if (model.lookup() == null || !e.isStillSincePress() || !inLanes(e.getX(), e.getY()) || e.isShiftDown()
                || e.isShortcutDown()) {
            return;
        }
        FaultEvent fault = faultAt(e.getX(), e.getY());
        if (fault != null) {
            // A fault picked: its cause picked out in the state lane; a double-click opens its raw line.
            model.pickFault(fault);
            if (e.getClickCount() == 2) {
                onOpenFault.accept(fault);
            }
            return;
        }
        model.selectAt(timeAtX(e.getX()), e.getClickCount() == 2);
    }

    private void centerOnOverview(double x) {
        TimelineViewport v = viewport.get();
        long t = v.fitAll().timeAt(x - GUTTER, laneWidth());
        viewport.set(v.pan((double) (t - (v.start() + v.span() / 2)) / v.span()));
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && model.anythingPicked()) {
            // Escape undoes every pick: the selection, the ranges, the picked fault and the highlight (which would
            // otherwise keep the rest faded, e.g. under F8's next target).
            model.clearAll();
            e.consume();
            return;
        }
        TimelineViewport v = viewport.get();
        if (v == null) {
            return;
        }
        switch (e.getCode()) {
            case W -> model.zoomIn();
            case S -> model.zoomOut();
            case A -> model.pan(-0.2);
            case D -> model.pan(0.2);
            case F, DIGIT0 -> model.zoomToFit();
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
