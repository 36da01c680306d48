package dev.goodput.chart.timeline;

import dev.goodput.chart.CauseKey;
import dev.goodput.chart.ChartStyle;
import dev.goodput.core.model.Cause;
import dev.goodput.core.model.CauseCatalog;

import java.util.Arrays;

/**
 * Paints one frame of the timeline's lanes into an ARGB buffer, at a cost set by the pixels, not by the
 * number of intervals, attempts or events: run state (stacked shares per column), job attempts (bars,
 * disrupted ones in vermillion), faults (markers) and checkpoints (ticks). Text (axis, labels) is drawn by
 * the view on top. Plain Java, so frames are benchmarked without a display.
 */
public final class TimelineFrame {
    public static final int STATE_TOP = 0;
    public static final int STATE_HEIGHT = 64;
    public static final int ACCELERATOR_TOP = STATE_HEIGHT + FrameLayout.GAP;
    public static final int ACCELERATOR_HEIGHT = 16;
    public static final int ATTEMPT_TOP = ACCELERATOR_TOP + ACCELERATOR_HEIGHT + FrameLayout.GAP;
    public static final int ATTEMPT_HEIGHT = 14;
    public static final int FAULT_TOP = ATTEMPT_TOP + ATTEMPT_HEIGHT + FrameLayout.GAP;
    public static final int FAULT_HEIGHT = 12;
    public static final int CHECKPOINT_TOP = FAULT_TOP + FAULT_HEIGHT + FrameLayout.GAP;
    public static final int CHECKPOINT_HEIGHT = 10;
    public static final int STEP_TOP = CHECKPOINT_TOP + CHECKPOINT_HEIGHT + FrameLayout.GAP;
    public static final int STEP_HEIGHT = 24;
    /** The standard frame's height ({@link FrameLayout#STANDARD}: every lane at its minimum). */
    public static final int HEIGHT = STEP_TOP + STEP_HEIGHT + 2;
    /** A column with a slow step (its excess is {@code slow_steps}): that cause's colour, as on the waterfall. */
    public static final int SLOW_STEP = StatePalette.SLOW_STEPS;
    /** Fault markers are this many columns either side of the fault's. */
    static final int FAULT_HALF_WIDTH = 2;
    /** The fault lane's row (from its top) where the line joining a root to its cascades runs. */
    public static final int FAULT_LINK_ROW = FAULT_HEIGHT / 2;

    /** Reused between frames, so a frame allocates nothing. */
    private float[] shares = new float[0];
    private float[] slowest = new float[0];
    private float[] slowExcess = new float[0];
    private float[] inUse = new float[0];
    private float[] spares = new float[0];
    private float[] idle = new float[0];
    private int[] row = new int[0];
    private int[] faultEdge = new int[0];
    private int[] faultSide = new int[0];
    private int[] faultLink = new int[0];
    private int[] colours = new int[0];
    private final StateLaneRaster raster = new StateLaneRaster();

    private int highlighted = -1;
    private LaneColours laneColours = LaneColours.of(ChartStyle.screen());

    /** The theme's colours for the attempts, checkpoints and step times of later frames. */
    public void colours(LaneColours colours) {
        laneColours = colours;
    }

    /** Every state fades: the pick is drawn elsewhere than the state lane (slow steps, on the step-time lane). */
    public static final int ALL_STATES_FADED = Integer.MAX_VALUE;

    /** The state category to pick out in later frames, {@link #ALL_STATES_FADED}, or -1 for none. */
    public void highlight(int category) {
        highlighted = category;
    }

    /**
     * What picking {@code picked} (on the waterfall, say) picks out here: its state category; for slow steps, which
     * have none, every state fades so that their marks on the step-time lane stand out; -1 for no pick, or a cause
     * the timeline does not show (the MFU gap).
     */
    public static int highlightOf(StateCategories c, CauseKey picked) {
        if (picked == null) {
            return -1;
        }
        if (picked.layer() == CauseCatalog.SLOW_STEPS.layer() && CauseCatalog.SLOW_STEPS.id().equals(picked.cause())) {
            return ALL_STATES_FADED;
        }
        return c.indexOf(picked.layer(), picked.cause());
    }

    /**
     * Paints the visible range of {@code v} into {@code pixels} (width × {@link #HEIGHT}, cleared first), every lane
     * at its minimum height. Not thread-safe: one frame object per view (or per thread).
     */
    public void paint(TimelineLanes lanes, TimelineViewport v, int width, int[] pixels) {
        paint(lanes, v, FrameLayout.STANDARD, width, pixels);
    }

    /** As {@link #paint(TimelineLanes, TimelineViewport, int, int[])}, the lanes where {@code layout} puts them. */
    public void paint(TimelineLanes lanes, TimelineViewport v, FrameLayout layout, int width, int[] pixels) {
        StateCategories c = lanes.categories();
        if (shares.length < width * c.size()) {
            shares = new float[width * c.size()];
        }
        if (row.length < width) {
            row = new int[width];
            faultEdge = new int[width];
            faultSide = new int[width];
            faultLink = new int[width];
            slowest = new float[width];
            slowExcess = new float[width];
            inUse = new float[width];
            spares = new float[width];
            idle = new float[width];
        }
        if (colours.length != c.size()) {
            colours = new int[c.size()];
        }
        for (int i = 0; i < colours.length; i++) {
            colours[i] = highlighted < 0 || i == highlighted ? c.colour(i) : faded(c.colour(i));
        }
        Arrays.fill(pixels, 0, layout.height() * width, 0);
        if (layout.shown(FrameLane.STATE)) {
            lanes.states().summarize(v.start(), v.end(), width, shares);
            raster.paint(shares, c.size(), colours, width, pixels, width, layout.top(FrameLane.STATE),
                    layout.height(FrameLane.STATE));
        }
        // Below the state lane most lanes are one row repeated down their height: paint the row, copy it.
        if (layout.shown(FrameLane.ACCELERATORS) && lanes.accelerators() != null) {
            acceleratorLane(lanes, v, width, pixels, layout.top(FrameLane.ACCELERATORS),
                    layout.height(FrameLane.ACCELERATORS));
        }
        if (layout.shown(FrameLane.ATTEMPTS)) {
            attemptRow(lanes, v, width);
            replicate(pixels, width, layout.top(FrameLane.ATTEMPTS) + 2, layout.height(FrameLane.ATTEMPTS) - 4);
        }
        if (layout.shown(FrameLane.FAULTS)) {
            faultRows(lanes.faults(), v, width);
            int top = layout.top(FrameLane.FAULTS);
            for (int y = 0; y < FAULT_HEIGHT; y++) {
                int[] src = y == 0 || y == FAULT_HEIGHT - 1 ? faultEdge : y == FAULT_LINK_ROW ? faultLink : faultSide;
                System.arraycopy(src, 0, pixels, (top + y) * width, width);
            }
        }
        if (layout.shown(FrameLane.CHECKPOINTS)) {
            markerRow(lanes.checkpoints(), v, width, laneColours.checkpoint(), 0);
            replicate(pixels, width, layout.top(FrameLane.CHECKPOINTS), layout.height(FrameLane.CHECKPOINTS));
        }
        if (layout.shown(FrameLane.STEPS) && lanes.stepTimes() != null && stepTimeRow(lanes.stepTimes(), v, width)) {
            replicate(pixels, width, layout.top(FrameLane.STEPS), layout.height(FrameLane.STEPS));
        }
    }

    /** A colour at a third of its opacity: not the cause picked out. */
    private static int faded(int argb) {
        return (argb & 0x00FFFFFF) | 0x55000000;
    }

    /** Hot spares' and idle accelerators' parts of a column are drawn at least this many rows high. */
    static final int MIN_PART_ROWS = 4;

    /**
     * The allocation per column as a band: the share in use at the bottom in the theme's neutral colour, over it the
     * hot spares and the idle accelerators in their causes' colours (each at least {@link #MIN_PART_ROWS} rows when
     * present, so 32 of 416 stays visible). Picking one of those causes lights its part, as the state lane does. A
     * part whose fixed colour is weak on the page (the hot spares' olive on the dark theme) is rimmed with an edge
     * line where it meets another part (the lane's own outline rims it at the lane's top), so it never reads as a gap.
     */
    private void acceleratorLane(TimelineLanes lanes, TimelineViewport v, int width, int[] pixels, int top,
                                 int height) {
        StateCategories c = lanes.categories();
        lanes.accelerators().summarize(v.start(), v.end(), width, inUse, spares, idle);
        int spareCategory = c.indexOf(CauseCatalog.HOT_SPARES.layer(), CauseCatalog.HOT_SPARES.id());
        int idleCategory = c.indexOf(CauseCatalog.IDLE_ACCELERATORS.layer(), CauseCatalog.IDLE_ACCELERATORS.id());
        int spareColour = partColour(c, spareCategory, CauseCatalog.HOT_SPARES);
        int idleColour = partColour(c, idleCategory, CauseCatalog.IDLE_ACCELERATORS);
        boolean spareEdged = laneColours.weakOnPage(AcceleratorColumns.partColour(c, CauseCatalog.HOT_SPARES));
        boolean idleEdged = laneColours.weakOnPage(AcceleratorColumns.partColour(c, CauseCatalog.IDLE_ACCELERATORS));
        int spareEdge = spareColour == AcceleratorColumns.partColour(c, CauseCatalog.HOT_SPARES)
                ? laneColours.edge() : faded(laneColours.edge());
        int idleEdge = idleColour == AcceleratorColumns.partColour(c, CauseCatalog.IDLE_ACCELERATORS)
                ? laneColours.edge() : faded(laneColours.edge());
        int usedColour = highlighted < 0 ? laneColours.inUse() : faded(laneColours.inUse());
        for (int x = 0; x < width; x++) {
            float total = inUse[x] + spares[x] + idle[x];
            if (total <= 0) {
                continue;
            }
            int spareRows = rows(spares[x], total, height, spareEdged);
            int idleRows = rows(idle[x], total, height, idleEdged);
            int usedRows = Math.max(0, height - spareRows - idleRows);
            int spareTop = usedRows + spareRows - 1;
            for (int r = 0; r < height; r++) {
                int colour;
                if (r < usedRows) {
                    colour = usedColour;
                } else if (r <= spareTop) {
                    boolean rim = (r == usedRows && usedRows > 0) || (r == spareTop && idleRows > 0);
                    colour = spareEdged && rim ? spareEdge : spareColour;
                } else {
                    colour = idleEdged && r == spareTop + 1 && r > 0 ? idleEdge : idleColour;
                }
                pixels[(top + height - 1 - r) * width + x] = colour;
            }
        }
    }

    /** A part's rows: its share, at least {@link #MIN_PART_ROWS} of colour (and a row more for an edge line). */
    private static int rows(float part, float total, int height, boolean edged) {
        return part <= 0 ? 0 : Math.max(MIN_PART_ROWS + (edged ? 1 : 0), Math.round(part / total * height));
    }

    /** A part's colour: its cause's as the state lane shows it, faded unless nothing or it is picked out. */
    private int partColour(StateCategories c, int category, Cause cause) {
        int colour = AcceleratorColumns.partColour(c, cause);
        return highlighted < 0 || (category >= 0 && category == highlighted) ? colour : faded(colour);
    }

    /**
     * Whether the accelerators lane shows {@code picked} lit: the hot spares or idle accelerators, which lie inside
     * other states' time and so light nothing in the state lane.
     */
    public static boolean acceleratorsHighlight(CauseKey picked) {
        return picked != null && picked.layer() == CauseCatalog.HOT_SPARES.layer()
                && (CauseCatalog.HOT_SPARES.id().equals(picked.cause())
                || CauseCatalog.IDLE_ACCELERATORS.id().equals(picked.cause()));
    }

    private void replicate(int[] pixels, int width, int top, int height) {
        for (int y = top; y < top + height; y++) {
            System.arraycopy(row, 0, pixels, y * width, width);
        }
    }

    /**
     * A heat strip of the slowest step per column: typical steps pale, slower ones deeper orange (up to 2×
     * typical), slow steps (whose excess is {@code slow_steps}) in that cause's colour, other anomalous steps
     * in the text's colour ({@link LaneColours#step}), so a straggler step is found at any zoom.
     */
    private boolean stepTimeRow(StepTimeColumns steps, TimelineViewport v, int width) {
        double typical = steps.typicalSeconds();
        if (Double.isNaN(typical) || typical <= 0) {
            return false;
        }
        steps.slowest(v.start(), v.end(), width, slowest);
        steps.slowExcess(v.start(), v.end(), width, slowExcess);
        for (int x = 0; x < width; x++) {
            row[x] = laneColours.step(steps, slowest[x], slowExcess[x]);
        }
        return true;
    }

    /** Attempts as bars (disrupted in vermillion), a one-pixel gap where one ends and the next begins. */
    private void attemptRow(TimelineLanes l, TimelineViewport v, int width) {
        Arrays.fill(row, 0, width, 0);
        int from = Math.max(0, lowerBound(l.attemptEnd(), v.start() + 1));
        for (int i = from; i < l.attemptStart().length && l.attemptStart()[i] < v.end(); i++) {
            int x0 = (int) Math.max(0, Math.floor(v.xOf(l.attemptStart()[i], width)));
            int x1 = (int) Math.min(width - 1, Math.ceil(v.xOf(l.attemptEnd()[i], width)) - 1);
            x1 = Math.max(x0, x1); // an attempt narrower than a pixel still shows
            Arrays.fill(row, x0, x1 + 1, l.attemptDisrupted()[i] ? laneColours.attemptDisrupted()
                    : laneColours.attemptCompleted());
            if (x1 - x0 >= 2) {
                row[x0] = 0;
            }
        }
    }

    /**
     * The fault lane's three kinds of row: its top and bottom edge, its sides, and the middle row where links run.
     * Every fault is first drawn hollow (one per pixel column, as {@link #markerRow}: cost bounded by the width),
     * each root's link to its cascades as a line in its colour under them, then the roots filled over all.
     */
    private void faultRows(FaultLane lane, TimelineViewport v, int width) {
        Arrays.fill(faultEdge, 0, width, 0);
        Arrays.fill(faultSide, 0, width, 0);
        Arrays.fill(faultLink, 0, width, 0);
        for (int k = 0; k < lane.linkCount() && lane.linkFrom(k) < v.end(); k++) {
            if (lane.linkTo(k) < v.start() || lane.linkTo(k) == lane.linkFrom(k)) {
                continue;
            }
            int x0 = (int) Math.max(0, v.xOf(lane.linkFrom(k), width));
            int x1 = (int) Math.min(width - 1, v.xOf(lane.linkTo(k), width));
            Arrays.fill(faultLink, x0, Math.max(x0, x1) + 1, faultColour(lane, lane.linkRoot(k)));
        }
        long[] times = lane.times();
        double perColumn = (double) (v.end() - v.start()) / width;
        int i = lowerBound(times, v.start());
        while (i < times.length && times[i] < v.end()) {
            int x = (int) v.xOf(times[i], width);
            int colour = faultColour(lane, i);
            Arrays.fill(faultEdge, Math.max(0, x - FAULT_HALF_WIDTH), Math.min(width, x + FAULT_HALF_WIDTH + 1),
                    colour);
            for (int side : new int[]{x - FAULT_HALF_WIDTH, x + FAULT_HALF_WIDTH}) {
                if (side >= 0 && side < width) {
                    faultSide[side] = colour;
                    faultLink[side] = colour;
                }
            }
            long nextColumn = v.start() + (long) Math.ceil((x + 1) * perColumn);
            i = gallop(times, i + 1, nextColumn);
        }
        long[] roots = lane.rootTimes();
        for (int r = lowerBound(roots, v.start()); r < roots.length && roots[r] < v.end(); r++) {
            int x = (int) v.xOf(roots[r], width);
            int from = Math.max(0, x - FAULT_HALF_WIDTH);
            int to = Math.min(width, x + FAULT_HALF_WIDTH + 1);
            int colour = faultColour(lane, lane.root(r));
            Arrays.fill(faultEdge, from, to, colour);
            Arrays.fill(faultSide, from, to, colour);
            Arrays.fill(faultLink, from, to, colour);
        }
    }

    /** A fault's colour, faded as the states are when another cause is picked out. */
    private int faultColour(FaultLane lane, int i) {
        int c = lane.colour(i);
        return highlighted < 0 || lane.category(i) == highlighted ? c : (c & 0x00FFFFFF) | 0x55000000;
    }

    /**
     * One marker per pixel column with at least one event: cost bounded by the width, not the count. The
     * next column's first event is found by galloping from the current one, so a dense lane costs a few
     * probes per column rather than a search of the whole array.
     */
    private void markerRow(long[] times, TimelineViewport v, int width, int colour, int halfWidth) {
        Arrays.fill(row, 0, width, 0);
        double perColumn = (double) (v.end() - v.start()) / width;
        int i = lowerBound(times, v.start());
        while (i < times.length && times[i] < v.end()) {
            int x = (int) v.xOf(times[i], width);
            Arrays.fill(row, Math.max(0, x - halfWidth), Math.min(width, x + halfWidth + 1), colour);
            long nextColumn = v.start() + (long) Math.ceil((x + 1) * perColumn);
            i = gallop(times, i + 1, nextColumn);
        }
    }

    /** The first index at or after {@code from} whose time is at least {@code t} (a sorted array). */
    static int gallop(long[] a, int from, long t) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < a.length && a[hi] < t) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        return lowerBound(a, lo, Math.min(hi, a.length), t);
    }

    private static int lowerBound(long[] a, long t) {
        return lowerBound(a, 0, a.length, t);
    }

    /** The first index in [lo, hi) whose time is at least t, or hi. */
    private static int lowerBound(long[] a, int lo, int hi, long t) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
