package dev.goodput.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.model.Problem;

import java.io.IOException;
import java.io.Writer;

/** The JSON report: a documented contract (docs/report-json.md); add fields, never rename them. */
public final class ReportJsonWriter implements ReportWriter {
    public static final String SCHEMA = "goodput-report/1";
    /**
     * Raised with each addition of fields within {@link #SCHEMA}, which stays as it is so that readers matching it
     * keep working: 1 added {@code disruption_details}.
     */
    public static final int SCHEMA_MINOR = 1;

    @Override
    public void write(GoodputReport r, Writer out) throws IOException {
        JsonTreeText.write(toJson(r), out);
    }

    public static ObjectNode toJson(GoodputReport r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", SCHEMA);
        root.put("schema_minor", SCHEMA_MINOR);
        root.put("run", r.runName());
        ArrayNode inputs = root.putArray("inputs");
        r.inputFiles().forEach(inputs::add);
        root.put("accelerators", r.accelerators());
        ObjectNode window = root.putObject("window");
        window.put("start", HumanFormat.iso(r.windowStartUs()));
        window.put("end", HumanFormat.iso(r.windowEndUs()));
        window.put("seconds", r.windowSeconds());
        ObjectNode g = root.putObject("goodput");
        g.put("infra", r.goodput().infra());
        g.put("framework", r.goodput().framework());
        g.put("model", r.goodput().model());
        g.put("overall", r.goodput().overall());
        root.put("available_seconds", r.availableSeconds());
        root.put("productive_seconds", r.productiveSeconds());
        ArrayNode badput = root.putArray("badput");
        for (CauseShare c : r.badput()) {
            ObjectNode b = badput.addObject();
            b.put("layer", c.layer().id());
            b.put("cause", c.cause());
            b.put("label", c.label());
            b.put("seconds", c.seconds());
            b.put("fraction", c.fraction());
            b.put("accelerator_hours", c.acceleratorHours());
            b.put("intervals", c.intervals());
            if (c.countsSteps()) {
                b.put("steps", c.intervals());
            }
        }
        ArrayNode layers = root.putArray("layers");
        for (LayerShare l : r.layers()) {
            ObjectNode o = layers.addObject();
            o.put("layer", l.layer().id());
            o.put("seconds", l.seconds());
            o.put("fraction", l.fraction());
        }
        ArrayNode waterfall = root.putArray("waterfall");
        for (WaterfallStep s : r.waterfall()) {
            ObjectNode o = waterfall.addObject();
            o.put("kind", s.kind());
            o.put("label", s.label());
            o.put("layer", s.layer() == null ? null : s.layer().id());
            o.put("cause", s.cause());
            o.put("fraction", s.fraction());
            o.put("seconds", s.seconds());
            o.put("remaining", s.remaining());
        }
        root.put("disruptions", r.disruptions());
        restarts(root.putArray("disruption_details"), r);
        Reliability rel = r.reliability();
        ObjectNode ro = root.putObject("reliability");
        ro.put("uptime_seconds", rel.uptimeSeconds());
        ro.put("mtbf_seconds", rel.mtbfSeconds());
        ro.put("mttr_seconds", rel.mttrSeconds());
        ArrayNode causes = ro.putArray("causes");
        for (CauseReliability c : rel.causes()) {
            ObjectNode o = causes.addObject();
            o.put("cause", c.cause());
            o.put("count", c.count());
            o.put("mtbf_seconds", c.mtbfSeconds());
            o.put("mttr_seconds", c.mttrSeconds());
        }
        StepStats st = r.steps();
        ObjectNode so = root.putObject("steps");
        so.put("executed", st.executedSteps());
        so.put("kept", st.keptSteps());
        so.put("wasted", st.wastedSteps());
        number(so, "typical_seconds", st.typicalSeconds());
        number(so, "mean_seconds", st.meanSeconds());
        number(so, "p90_seconds", st.p90Seconds());
        number(so, "p99_seconds", st.p99Seconds());
        number(so, "scaled_mad_seconds", st.scaledMadSeconds());
        number(so, "mean_abs_deviation_pct", st.meanAbsDeviationPct());
        so.put("anomalous_count", st.anomalousCount());
        ArrayNode an = so.putArray("anomalous");
        for (AnomalousStep a : st.anomalous()) {
            ObjectNode o = an.addObject();
            o.put("step", a.step());
            o.put("start", HumanFormat.iso(Math.round(a.startEpochSeconds() * 1e6)));
            o.put("seconds", a.seconds());
            o.put("deviation_pct", a.deviationPct());
            o.put("source", a.source());
        }
        SlowStepCost slow = r.slowSteps();
        ObjectNode sl = root.putObject("slow_steps");
        sl.put("steps", slow.steps());
        sl.put("seconds", slow.seconds());
        sl.put("fraction", r.windowSeconds() > 0 ? slow.seconds() / r.windowSeconds() : 0);
        number(sl, "typical_seconds", slow.typicalSeconds());
        sl.put("per", slow.basis());
        MfuDetails m = r.mfu();
        ObjectNode mo = root.putObject("mfu");
        mo.put("value", m.mfu());
        mo.put("raw", m.mfuRaw());
        mo.put("convention", m.convention());
        mo.put("flops_per_step", m.flopsPerStep());
        mo.put("peak_flops", m.peakFlops());
        mo.put("precision", m.precision());
        mo.put("accelerator", m.accelerator());
        mo.put("steady_steps", m.steadySteps());
        mo.put("steady_seconds", m.steadySeconds());
        mo.put("steady_state_rule", m.steadyStateRule());
        mo.put("source", m.source());
        mo.put("figure", m.figure());
        root.put("intervals", r.intervalCount());
        ArrayNode warnings = root.putArray("warnings");
        for (Problem p : r.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            o.put("source", p.source() == null ? null : p.source().toString());
            o.put("message", p.message());
        }
        return root;
    }

    /** One object per restart (disruptions and planned restarts), with what it cost. */
    private static void restarts(ArrayNode out, GoodputReport r) {
        for (RestartCost c : r.restarts()) {
            ObjectNode o = out.addObject();
            o.put("time", HumanFormat.iso(c.timeUs()));
            o.put("attempt_end", HumanFormat.iso(c.attemptEndUs()));
            o.put("end_reason", c.endReason());
            o.put("planned", c.planned());
            o.put("root_cause", c.rootCause());
            ArrayNode cascades = o.putArray("cascades");
            for (LinkedFault f : c.cascades()) {
                ObjectNode x = cascades.addObject();
                x.put("cause", f.cause());
                x.put("time", HumanFormat.iso(f.timeUs()));
                x.put("source", f.source());
            }
            o.put("source", c.source());
            o.put("rule", c.rule());
            o.put("detection_seconds", c.detectionSeconds());
            o.put("queue_seconds", c.queueSeconds());
            o.put("init_seconds", c.initSeconds());
            o.put("restore_seconds", c.restoreSeconds());
            o.put("rollback_seconds", c.rollbackSeconds());
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
