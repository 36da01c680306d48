package dev.goodput.core.report;

import dev.goodput.core.model.Problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A Markdown report for reviews and issues. */
public final class ReportMarkdownWriter implements ReportWriter {
    @Override
    public void write(GoodputReport r, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        out.printf(Locale.ROOT, "# Goodput report: %s%n%n", escape(r.runName()));
        out.printf(Locale.ROOT, "Window %s to %s (%s), %d accelerators.%n%n", HumanFormat.iso(r.windowStartUs()),
                HumanFormat.iso(r.windowEndUs()), HumanFormat.duration(r.windowSeconds()), r.accelerators());
        Goodputs g = r.goodput();
        out.println("| Infra | Framework | Model (MFU) | Overall |");
        out.println("|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n%n", HumanFormat.pct(g.infra()), HumanFormat.pct(g.framework()),
                HumanFormat.pct(g.model()), HumanFormat.pct(g.overall()));
        out.println("## Badput by cause");
        out.println();
        out.println("| Layer | Cause | Time | Share of window | Intervals |");
        out.println("|---|---|---:|---:|---:|");
        for (CauseShare c : r.badput()) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", c.layer().id(), escape(c.label()),
                    HumanFormat.duration(c.seconds()), HumanFormat.pct(c.fraction()),
                    c.countsSteps() ? c.countText() : String.valueOf(c.intervals()));
        }
        out.println();
        out.println("## Waterfall");
        out.println();
        out.println("| Step | Kind | Share | Remaining |");
        out.println("|---|---|---:|---:|");
        for (WaterfallStep s : r.waterfall()) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", escape(s.label()), s.kind(),
                    HumanFormat.pct(s.fraction()), HumanFormat.pct(s.remaining()));
        }
        Reliability rel = r.reliability();
        out.printf(Locale.ROOT, "%n## Reliability%n%n%d disruptions; uptime %s; MTBF %s; MTTR %s.%n%n",
                rel.disruptions(), HumanFormat.duration(rel.uptimeSeconds()), HumanFormat.duration(rel.mtbfSeconds()),
                HumanFormat.duration(rel.mttrSeconds()));
        if (!rel.causes().isEmpty()) {
            out.println("| Cause | Count | MTBF | MTTR |");
            out.println("|---|---:|---:|---:|");
            for (CauseReliability c : rel.causes()) {
                out.printf(Locale.ROOT, "| %s | %d | %s | %s |%n", escape(c.cause()), c.count(),
                        HumanFormat.duration(c.mtbfSeconds()), HumanFormat.duration(c.mttrSeconds()));
            }
            out.println();
        }
        if (!r.restarts().isEmpty()) {
            out.println("### Cost by root cause");
            out.println();
            out.println("Wall-clock time per restart's root cause: the failure inside the attempt (detection), "
                    + "queue, init and restore before the next attempt's first step, and the steps rolled back.");
            out.println();
            out.println("| Root cause | Restarts | Total | Detection | Queue | Init | Restore | Rolled back |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (CauseCost c : r.costByCause()) {
                out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
                        escape(c.cause()) + (c.planned() ? " (planned)" : ""), c.restarts(),
                        HumanFormat.duration(c.totalSeconds()), HumanFormat.duration(c.detectionSeconds()),
                        HumanFormat.duration(c.queueSeconds()), HumanFormat.duration(c.initSeconds()),
                        HumanFormat.duration(c.restoreSeconds()), HumanFormat.duration(c.rollbackSeconds()));
            }
            out.println();
        }
        StepStats st = r.steps();
        out.printf(Locale.ROOT, "## Steps%n%n%d executed, %d kept, %d wasted; typical %.3f s, p90 %.3f s, "
                        + "p99 %.3f s; %d anomalous.%n%n", st.executedSteps(), st.keptSteps(), st.wastedSteps(),
                st.typicalSeconds(), st.p90Seconds(), st.p99Seconds(), st.anomalousCount());
        MfuDetails m = r.mfu();
        out.printf(Locale.ROOT, "## Model FLOPs utilisation%n%nMFU %s (convention `%s`, %s FLOPs per step, peak %s "
                        + "FLOP/s %s per accelerator, %d steady-state steps).%n%n",
                HumanFormat.pct(m.mfu()), m.convention(), HumanFormat.sci(m.flopsPerStep()),
                HumanFormat.sci(m.peakFlops()), m.precision() == null ? "" : m.precision(), m.steadySteps());
        if (m.sourceLine() != null) {
            out.printf(Locale.ROOT, "%s.%n%n", escape(m.sourceLine()));
        }
        SlowStepCost slow = r.slowSteps();
        if (slow.steps() > 0) {
            out.printf(Locale.ROOT, "%d slow steps took %s above the typical %s s per %s (`slow_steps`, model "
                            + "layer).%n%n", slow.steps(), HumanFormat.duration(slow.seconds()),
                    HumanFormat.sci(slow.typicalSeconds()), slow.basis());
        }
        if (!r.warnings().isEmpty()) {
            out.println("## Warnings");
            out.println();
            for (Problem p : r.warnings()) {
                out.printf(Locale.ROOT, "- %s%n", escape(p.toString()));
            }
        }
        out.flush();
    }

    private static String escape(String s) {
        return MarkdownText.of(s);
    }
}
