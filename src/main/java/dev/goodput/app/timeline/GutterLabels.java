package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.FrameLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the lanes' names (and under the step time's, its scale) go in the gutter: each block centred on its lane;
 * where thin lanes would crowd their names (a name is taller than the checkpoints lane), the crowded blocks are set a
 * lane gap apart and the run of them centred on their lanes as a whole, so no two touch and none strays far.
 * Plain arithmetic on heights, so it is tested without a scene.
 */
final class GutterLabels {
    /** Rows between one lane's name block and the next's: as far apart as the lanes. */
    static final double GAP = FrameLayout.GAP;
    /** A scale line's height (10 px text). */
    static final double SCALE_LINE = 11;

    /** A lane's band and how many scale lines it would show under its name. */
    record Lane(TimelineLane lane, double top, double height, int scaleLines) {
    }

    /** A name block: its box (name and scale lines) and the name's baseline. */
    record Block(TimelineLane lane, double top, double height, double baseline, int scaleLines) {
        double bottom() {
            return top + height;
        }
    }

    private GutterLabels() {
    }

    /** The blocks for {@code lanes} (top to bottom) with names {@code ascent} + {@code descent} tall. */
    static List<Block> place(List<Lane> lanes, double ascent, double descent) {
        int n = lanes.size();
        double[] height = new double[n];
        double[] wanted = new double[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            Lane l = lanes.get(i);
            lines[i] = (int) Math.max(0, Math.min(l.scaleLines(), Math.floor((l.height() - 12) / SCALE_LINE)));
            height[i] = ascent + descent + lines[i] * SCALE_LINE;
            wanted[i] = l.top() + l.height() / 2 - height[i] / 2;
        }
        // Runs of blocks packed a gap apart, each run placed where its blocks are on average nearest their lanes;
        // a run that then crowds the one above joins it.
        List<int[]> runs = new ArrayList<>(); // {first, last}
        List<Double> tops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runs.add(new int[]{i, i});
            tops.add(wanted[i]);
            while (runs.size() > 1) {
                int k = runs.size() - 1;
                int[] above = runs.get(k - 1);
                if (tops.get(k - 1) + span(height, above[0], above[1]) + GAP <= tops.get(k)) {
                    break;
                }
                int[] merged = {above[0], runs.get(k)[1]};
                runs.remove(k);
                tops.remove(k);
                runs.set(k - 1, merged);
                tops.set(k - 1, bestTop(height, wanted, merged[0], merged[1]));
            }
        }
        List<Block> out = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            double top = tops.get(r);
            for (int i = runs.get(r)[0]; i <= runs.get(r)[1]; i++) {
                out.add(new Block(lanes.get(i).lane(), top, height[i], top + ascent, lines[i]));
                top += height[i] + GAP;
            }
        }
        return out;
    }

    /** Blocks first..last packed a gap apart: their total height. */
    private static double span(double[] height, int first, int last) {
        double h = 0;
        for (int i = first; i <= last; i++) {
            h += height[i] + (i > first ? GAP : 0);
        }
        return h;
    }

    /** The packed run's top that puts its blocks, on average, where they want to be. */
    private static double bestTop(double[] height, double[] wanted, int first, int last) {
        double offset = 0;
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += wanted[i] - offset;
            offset += height[i] + GAP;
        }
        return sum / (last - first + 1);
    }
}
