package dev.goodput.app;

import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Opt-in start-up milestones ({@code -Dgoodput.startupTrace=true}; {@code goodput.startupTrace.exit=true} also quits
 * after the first frame with the figures): each is printed to standard error with the
 * milliseconds since the JVM started and the CPU time used, so the app's share of a start can be measured
 * (docs/performance.md).
 */
final class StartupTrace {
    static final String PROPERTY = "goodput.startupTrace";
    /** Also quit once the figures are drawn: how packaging records the classes a window start loads. */
    static final String EXIT_PROPERTY = "goodput.startupTrace.exit";
    private static final boolean ON = Boolean.getBoolean(PROPERTY) || Boolean.getBoolean(EXIT_PROPERTY);
    private static final boolean EXIT = Boolean.getBoolean(EXIT_PROPERTY);
    private static boolean figuresShown;

    private StartupTrace() {
    }

    static void mark(String milestone) {
        if (ON) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            // The epoch time too, so a script can measure from before the launcher started the JVM.
            System.err.printf(Locale.ROOT, "startup %6d ms (cpu %6d ms, at %d)  %s%n", sinceStart, cpuMillis(),
                    System.currentTimeMillis(), milestone);
        }
    }

    /** The first frame drawn with a run's figures: the end of the start-up, marked once. */
    static void figuresDrawn() {
        if (ON && !figuresShown) {
            figuresShown = true;
            mark("first frame with the run's figures");
            if (EXIT) {
                Platform.runLater(Platform::exit);
            }
        }
    }

    /**
     * The CPU time the process has used (all its threads): on a machine shared with other work the wall time
     * stretches, this much less. -1 where the JVM does not say.
     */
    private static long cpuMillis() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1_000_000 : -1;
    }

    static boolean on() {
        return ON;
    }
}
