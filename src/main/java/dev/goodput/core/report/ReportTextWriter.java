package dev.goodput.core.report;

import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A plain-text report for terminals. */
public final class ReportTextWriter implements ReportWriter {
    @Override
    public void write(GoodputReport r, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        out.printf(Locale.ROOT, "Run: %s  (%d accelerator%s)%n", PrintableText.of(r.runName()), r.accelerators(),
                r.accelerators() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "Window: %s .. %s  (%s)%n%n", HumanFormat.iso(r.windowStartUs()),
                HumanFormat.iso(r.windowEndUs()), HumanFormat.duration(r.windowSeconds()));
        Goodputs g = r.goodput();
        out.printf(Locale.ROOT, "Goodput     infra %s   framework %s   model %s   overall %s%n",
                HumanFormat.pct(g.infra()), HumanFormat.pct(g.framework()), HumanFormat.pct(g.model()),
                HumanFormat.pct(g.overall()));
        out.printf(Locale.ROOT, "Available   %s   Productive %s%n%n", HumanFormat.duration(r.availableSeconds()),
                HumanFormat.duration(r.productiveSeconds()));
        out.println("Badput by cause");
        for (Layer layer : Layer.values()) {
            LayerShare ls = r.layers().get(layer.ordinal());
            out.printf(Locale.ROOT, "  %-10s %12s %8s%n", layer.id(), HumanFormat.duration(ls.seconds()),
                    HumanFormat.pct(ls.fraction()));
            for (CauseShare c : r.badput()) {
                if (c.layer() == layer) {
                    out.printf(Locale.ROOT, "    %-40s %12s %8s  (%s)%n", PrintableText.of(c.label()),
                            HumanFormat.duration(c.seconds()), HumanFormat.pct(c.fraction()), c.countText());
                }
            }
        }
        out.println();
        out.println("Waterfall");
        for (WaterfallStep s : r.waterfall()) {
            String sign = s.kind().equals("loss") ? "-" : " ";
            out.printf(Locale.ROOT, "  %-9s %-40s %s%8s  -> %s%n", s.kind(), PrintableText.of(s.label()), sign,
                    HumanFormat.pct(s.fraction()), HumanFormat.pct(s.remaining()));
        }
        Reliability rel = r.reliability();
        out.printf(Locale.ROOT, "%nDisruptions %d   uptime %s   MTBF %s   MTTR %s%n", rel.disruptions(),
                HumanFormat.duration(rel.uptimeSeconds()), HumanFormat.duration(rel.mtbfSeconds()),
                HumanFormat.duration(rel.mttrSeconds()));
        for (CauseReliability c : rel.causes()) {
            out.printf(Locale.ROOT, "  %-40s %5d   MTBF %12s   MTTR %12s%n", PrintableText.of(c.cause()), c.count(),
                    HumanFormat.duration(c.mtbfSeconds()), HumanFormat.duration(c.mttrSeconds()));
        }
        if (!r.restarts().isEmpty()) {
            out.printf(Locale.ROOT, "%nCost by root cause (wall clock: detection + queue + init + restore + "
                    + "rolled-back steps)%n");
            for (CauseCost c : r.costByCause()) {
                out.printf(Locale.ROOT, "  %-40s %5d   %12s   (%s + %s + %s + %s + %s)%n",
                        PrintableText.of(c.cause()) + (c.planned() ? " (planned)" : ""), c.restarts(),
                        HumanFormat.duration(c.totalSeconds()), HumanFormat.duration(c.detectionSeconds()),
                        HumanFormat.duration(c.queueSeconds()), HumanFormat.duration(c.initSeconds()),
                        HumanFormat.duration(c.restoreSeconds()), HumanFormat.duration(c.rollbackSeconds()));
            }
        }
        StepStats st = r.steps();
        out.printf(Locale.ROOT, "%nSteps  executed %d  kept %d  wasted %d%n", st.executedSteps(), st.keptSteps(),
                st.wastedSteps());
        out.printf(Locale.ROOT, "  typical %s  mean %s  p90 %s  p99 %s  mean |deviation| %.2f%%  anomalous %d%n",
                secs(st.typicalSeconds()), secs(st.meanSeconds()), secs(st.p90Seconds()), secs(st.p99Seconds()),
                st.meanAbsDeviationPct(), st.anomalousCount());
        for (AnomalousStep a : st.anomalous()) {
            out.printf(Locale.ROOT, "    step %-10d %10.3f s  %+8.1f%%  %s%n", a.step(), a.seconds(),
                    a.deviationPct(), PrintableText.of(String.valueOf(a.source())));
        }
        MfuDetails m = r.mfu();
        out.printf(Locale.ROOT, "%nMFU %s  (convention %s, %s FLOPs/step, peak %s FLOP/s %s per %s, %d steady steps)%n",
                HumanFormat.pct(m.mfu()), m.convention() == null ? "n/a" : m.convention(),
                HumanFormat.sci(m.flopsPerStep()), HumanFormat.sci(m.peakFlops()),
                m.precision() == null ? "" : PrintableText.of(m.precision()),
                m.accelerator() == null ? "accelerator" : PrintableText.of(m.accelerator()),
                m.steadySteps());
        if (m.sourceLine() != null) {
            out.printf(Locale.ROOT, "  %s%n", PrintableText.of(m.sourceLine()));
        }
        out.printf(Locale.ROOT, "  steady state: %s%n", m.steadyStateRule());
        SlowStepCost slow = r.slowSteps();
        if (slow.steps() > 0) {
            out.printf(Locale.ROOT, "  slow steps: %d, %s above the typical %s per %s (slow_steps, model layer)%n",
                    slow.steps(), HumanFormat.duration(slow.seconds()), HumanFormat.sci(slow.typicalSeconds()) + " s",
                    slow.basis());
        }
        if (!r.warnings().isEmpty()) {
            out.printf(Locale.ROOT, "%nWarnings (%d)%n", r.warnings().size());
            for (Problem p : r.warnings()) {
                out.printf(Locale.ROOT, "  %s%n", PrintableText.of(p.toString()));
            }
        }
        out.flush();
    }

    private static String secs(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f s", v);
    }
}
