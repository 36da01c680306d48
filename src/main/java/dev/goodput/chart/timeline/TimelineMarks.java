package dev.goodput.chart.timeline;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The timeline's event lanes as vector shapes, in the screen's colours and proportions: attempts as bars
 * (disrupted ones in vermillion), faults as markers in their causes' colours (roots filled, linked to their
 * cascades), checkpoints as ticks, and the step-time heat strip (slow steps
 * in their cause's colour).
 * Marks of one colour that touch or overlap become one rectangle, so a lane costs shapes in proportion to
 * its width, not its events (a 54-day run logs 6,000 checkpoints).
 */
final class TimelineMarks {
    private final TimelineLanes lanes;
    private final TimelineViewport v;
    private final LaneColours colours;

    TimelineMarks(TimelineLanes lanes, TimelineViewport v, LaneColours colours) {
        this.lanes = lanes;
        this.v = v;
        this.colours = colours;
    }

    /** Attempts, inset from the lane as on screen, with a one-unit gap where one ends and the next begins. */
    void attempts(Graphics2D g, Rectangle2D box) {
        double inset = box.getHeight() * 2 / TimelineFrame.ATTEMPT_HEIGHT;
        Spans bars = new Spans(g, box.getY() + inset, box.getHeight() - 2 * inset);
        long[] start = lanes.attemptStart();
        for (int i = 0; i < start.length; i++) {
            long end = lanes.attemptEnd()[i];
            if (end <= v.start() || start[i] >= v.end()) {
                continue;
            }
            double x0 = Math.max(0, xOf(start[i], box));
            double x1 = Math.min(box.getWidth(), xOf(end, box));
            if (x1 - x0 >= 3) {
                x0 += 1;
            }
            bars.add(lanes.attemptDisrupted()[i] ? colours.attemptDisrupted() : colours.attemptCompleted(),
                    box.getX() + x0, box.getX() + Math.min(box.getWidth(), Math.max(x1, x0 + 1))); // sub-unit: still shows
        }
        bars.flush();
    }

    /**
     * A marker as wide as the screen's (five pixels) centred on each fault, in its cause's colour: roots filled,
     * the other faults as a one-unit frame (they cost nothing of their own), and a one-unit line from each root to
     * its cascades through the lane's middle, as on screen ({@link TimelineFrame}). All are fills, so a vector file
     * holds shapes, not strokes. A mark closer than a unit to the one before is left out: it would lie under it.
     */
    void faults(Graphics2D g, Rectangle2D box) {
        FaultLane lane = lanes.faults();
        double unit = box.getHeight() / TimelineFrame.FAULT_HEIGHT;
        double half = (TimelineFrame.FAULT_HALF_WIDTH + 0.5) * unit;
        double linkY = box.getY() + TimelineFrame.FAULT_LINK_ROW * unit;
        for (int k = 0; k < lane.linkCount(); k++) {
            long from = Math.max(lane.linkFrom(k), v.start());
            long to = Math.min(lane.linkTo(k), v.end());
            if (from < to) {
                g.setColor(new Color(lane.colour(lane.linkRoot(k)), true));
                double x0 = box.getX() + xOf(from, box);
                g.fill(new Rectangle2D.Double(x0, linkY, box.getX() + xOf(to, box) - x0, unit));
            }
        }
        long[] times = lane.times();
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            if (times[i] < v.start() || times[i] > v.end()) {
                continue;
            }
            double x = box.getX() + xOf(times[i], box);
            if (x - last < unit) {
                continue;
            }
            last = x;
            Rectangle2D outer = mark(box, x, half);
            Path2D frame = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            frame.append(outer, false);
            frame.append(new Rectangle2D.Double(outer.getX() + unit, outer.getY() + unit,
                    Math.max(0, outer.getWidth() - 2 * unit), outer.getHeight() - 2 * unit), false);
            g.setColor(new Color(lane.colour(i), true));
            g.fill(frame);
        }
        for (int r = 0; r < lane.rootCount(); r++) {
            long t = times[lane.root(r)];
            if (t >= v.start() && t <= v.end()) {
                g.setColor(new Color(lane.colour(lane.root(r)), true));
                g.fill(mark(box, box.getX() + xOf(t, box), half));
            }
        }
    }

    /** A fault's mark centred on {@code x}, the lane's height, cut at the lane's ends. */
    private static Rectangle2D mark(Rectangle2D box, double x, double half) {
        double x0 = Math.max(box.getX(), x - half);
        double x1 = Math.min(box.getMaxX(), x + half);
        return new Rectangle2D.Double(x0, box.getY(), x1 - x0, box.getHeight());
    }

    /**
     * The allocation per column as on screen: in use at the bottom, hot spares and idle accelerators above in their
     * causes' colours (each at least as high as the screen's minimum part), columns of equal parts merged.
     */
    void accelerators(Graphics2D g, Rectangle2D box, int columns) {
        AcceleratorColumns a = lanes.accelerators();
        if (a == null) {
            return;
        }
        float[] use = new float[columns];
        float[] spare = new float[columns];
        float[] idle = new float[columns];
        a.summarize(v.start(), v.end(), columns, use, spare, idle);
        double unit = box.getHeight() / TimelineFrame.ACCELERATOR_HEIGHT;
        double w = box.getWidth() / columns;
        double[] spareH = new double[columns];
        double[] idleH = new double[columns];
        double[] useH = new double[columns];
        for (int x = 0; x < columns; x++) {
            float total = use[x] + spare[x] + idle[x];
            if (total > 0) {
                spareH[x] = part(spare[x], total, box.getHeight(), unit);
                idleH[x] = part(idle[x], total, box.getHeight(), unit);
                useH[x] = Math.max(0, box.getHeight() - spareH[x] - idleH[x]);
            }
        }
        StateCategories c = lanes.categories();
        // Bottom to top: in use, hot spares, idle; each a strip whose height varies by column.
        strip(g, box, w, useH, new double[columns], colours.inUse());
        strip(g, box, w, spareH, useH, AcceleratorColumns.partColour(c, dev.goodput.core.model.CauseCatalog.HOT_SPARES));
        double[] under = new double[columns];
        for (int x = 0; x < columns; x++) {
            under[x] = useH[x] + spareH[x];
        }
        strip(g, box, w, idleH, under,
                AcceleratorColumns.partColour(c, dev.goodput.core.model.CauseCatalog.IDLE_ACCELERATORS));
    }

    private static double part(float share, float total, double height, double unit) {
        return share <= 0 ? 0 : Math.max(TimelineFrame.MIN_PART_ROWS * unit, share / total * height);
    }

    /** Rectangles {@code heights[x]} high sitting {@code below[x]} above the box's bottom, equal columns merged. */
    private static void strip(Graphics2D g, Rectangle2D box, double w, double[] heights, double[] below, int argb) {
        g.setColor(new Color(argb, true));
        int from = 0;
        for (int x = 1; x <= heights.length; x++) {
            if (x == heights.length || heights[x] != heights[from] || below[x] != below[from]) {
                if (heights[from] > 0) {
                    double y = box.getMaxY() - below[from] - heights[from];
                    g.fill(new Rectangle2D.Double(box.getX() + from * w, y, (x - from) * w + (x < heights.length
                            ? OVERLAP : 0), heights[from]));
                }
                from = x;
            }
        }
    }

    /** How far a merged block reaches under the next, so antialiasing leaves no seam between them. */
    private static final double OVERLAP = 0.5;

    /** A one-unit tick at each checkpoint. */
    void checkpoints(Graphics2D g, Rectangle2D box) {
        events(g, box, lanes.checkpoints(), colours.checkpoint(), 0.5);
    }

    private void events(Graphics2D g, Rectangle2D box, long[] times, int colour, double halfWidth) {
        Spans marks = new Spans(g, box.getY(), box.getHeight());
        for (long t : times) {
            if (t >= v.start() && t <= v.end()) {
                double x = xOf(t, box);
                marks.add(colour, box.getX() + Math.max(0, x - halfWidth),
                        box.getX() + Math.min(box.getWidth(), x + halfWidth));
            }
        }
        marks.flush();
    }

    /** The slowest step in each of {@code columns} columns, coloured as {@link TimelineFrame} does. */
    void stepTimes(Graphics2D g, Rectangle2D box, int columns) {
        StepTimeColumns steps = lanes.stepTimes();
        if (steps == null || !(steps.typicalSeconds() > 0)) {
            return;
        }
        float[] slowest = steps.slowest(v.start(), v.end(), columns);
        float[] slowExcess = new float[columns];
        steps.slowExcess(v.start(), v.end(), columns, slowExcess);
        double w = box.getWidth() / columns;
        Spans strip = new Spans(g, box.getY(), box.getHeight());
        for (int x = 0; x < columns; x++) {
            int colour = colours.step(steps, slowest[x], slowExcess[x]);
            if (colour != 0) {
                strip.add(colour, box.getX() + x * w, box.getX() + (x + 1) * w);
            }
        }
        strip.flush();
    }

    private double xOf(long t, Rectangle2D box) {
        return v.xOf(t, box.getWidth());
    }

    /**
     * Horizontal spans given left to right, filled as one rectangle per run of touching spans of a colour. A
     * run reaches one unit under the next when they touch, so antialiasing leaves no seam between them.
     */
    private static final class Spans {
        private static final double UNDERLAP = 1;
        private final Graphics2D g;
        private final double y;
        private final double height;
        private int colour;
        private double from = Double.NaN;
        private double to;

        Spans(Graphics2D g, double y, double height) {
            this.g = g;
            this.y = y;
            this.height = height;
        }

        void add(int argb, double x0, double x1) {
            boolean touching = !Double.isNaN(from) && x0 <= to + 1e-9;
            if (touching && argb == colour) {
                to = Math.max(to, x1);
                return;
            }
            if (touching) {
                to = Math.max(to, Math.min(x1, to + UNDERLAP)); // painted over by the next
            }
            flush();
            colour = argb;
            from = x0;
            to = x1;
        }

        void flush() {
            if (!Double.isNaN(from)) {
                g.setColor(new Color(colour, true));
                g.fill(new Rectangle2D.Double(from, y, to - from, height));
                from = Double.NaN;
            }
        }
    }
}
