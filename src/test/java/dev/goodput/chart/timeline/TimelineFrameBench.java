package dev.goodput.chart.timeline;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Frame-time benchmark of the timeline at 1920 px: a whole {@link TimelineFrame} (state lane summarised per
 * pixel column, attempts, faults, checkpoints) for runs of 10^3, 10^5 and 10^6 intervals, at full view, a 10%
 * view and a 0.1% view (median of 200 frames after 300 warm-up frames, each size in its own JVM). Run with
 * {@code java -cp target/classes:... dev.goodput.chart.timeline.TimelineFrameBench}; results in docs/performance.md.
 */
public final class TimelineFrameBench {
    private TimelineFrameBench() {
    }

    /**
     * Without arguments, each size runs in its own JVM (as JMH forks), so one size's JIT profile does not
     * slow another's; with sizes as arguments, those run in this JVM.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("| intervals | build ms | full view ms/frame | 10% view ms/frame | 0.1% view ms/frame |");
            System.out.println("|---:|---:|---:|---:|---:|");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (String n : new String[]{"1000", "100000", "1000000"}) {
                Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        TimelineFrameBench.class.getName(), "--row", n).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("the fork for " + n + " intervals failed");
                }
            }
            return;
        }
        int width = 1920;
        int categories = 12;
        for (int arg = 0; arg < args.length; arg++) {
            if (args[arg].equals("--row")) {
                continue;
            }
            int n = Integer.parseInt(args[arg]);
            SplittableRandom r = new SplittableRandom(n);
            long[] s = new long[n];
            long[] e = new long[n];
            int[] k = new int[n];
            long t = 0;
            for (int i = 0; i < n; i++) {
                s[i] = t;
                t += 1_000_000 + r.nextInt(r.nextInt(50) == 0 ? 600_000_000 : 5_000_000);
                e[i] = t;
                k[i] = i % 2 == 0 ? 0 : 1 + r.nextInt(categories - 1);
            }
            long b0 = System.nanoTime();
            StateColumns cols = StateColumns.of(s, e, k, categories, 0, t);
            double build = (System.nanoTime() - b0) / 1e6;
            // One attempt per 1,000 intervals, a fault at each attempt's end, a checkpoint every 50 intervals.
            int attempts = Math.max(1, n / 1000);
            long[] as = new long[attempts];
            long[] ae = new long[attempts];
            boolean[] dis = new boolean[attempts];
            for (int a = 0; a < attempts; a++) {
                as[a] = t / attempts * a;
                ae[a] = t / attempts * (a + 1) - 1;
                dis[a] = a % 3 == 0;
            }
            long[] faults = Arrays.copyOf(ae, attempts);
            long[] ckpt = new long[n / 50 + 1];
            for (int c = 0; c < ckpt.length; c++) {
                ckpt[c] = s[Math.min(n - 1, c * 50)];
            }
            TimelineLanes lanes = new TimelineLanes(cols, StateCategories.synthetic(categories), as, ae, dis, faults,
                    ckpt, null, 0, t);
            int[] pixels = new int[width * TimelineFrame.HEIGHT];
            TimelineFrame frame = new TimelineFrame();
            double[] views = {1.0, 0.1, 0.001};
            double[] ms = new double[views.length];
            for (int v = 0; v < views.length; v++) {
                long span = Math.max(1000, (long) (t * views[v]));
                long from = (t - span) / 2;
                double[] frames = new double[200];
                for (int f = -300; f < frames.length; f++) {
                    long f0 = System.nanoTime();
                    frame.paint(lanes, new TimelineViewport(0, t, from, from + span), width, pixels);
                    if (f >= 0) {
                        frames[f] = (System.nanoTime() - f0) / 1e6;
                    }
                }
                Arrays.sort(frames);
                ms[v] = frames[frames.length / 2];
            }
            System.out.printf(Locale.ROOT, "| %,d | %.0f | %.2f | %.2f | %.2f |%n", n, build, ms[0], ms[1], ms[2]);
        }
    }
}
