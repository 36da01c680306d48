package dev.goodput.core.profile.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goodput.core.model.Problem;
import dev.goodput.core.report.JsonTreeText;
import dev.goodput.core.profile.analysis.IdleTimeBreakdown;
import dev.goodput.core.profile.analysis.KernelTypeBreakdown;
import dev.goodput.core.profile.analysis.ModelBadput;
import dev.goodput.core.profile.analysis.ProfileMfu;
import dev.goodput.core.profile.analysis.RankProfile;
import dev.goodput.core.profile.analysis.StepBreakdown;
import dev.goodput.core.profile.analysis.TemporalBreakdown;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

/** The profile JSON: a documented contract (docs/profile-json.md); fields are added, never renamed. */
public final class ProfileJsonWriter {
    public static final String SCHEMA = "goodput-profile/1";

    public void write(ProfileReport r, Writer out) throws IOException {
        JsonTreeText.write(toJson(r), out);
    }

    public static ObjectNode toJson(ProfileReport r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", SCHEMA);
        ArrayNode ranks = root.putArray("ranks");
        for (RankProfile p : r.ranks()) {
            rank(ranks.addObject(), p);
        }
        ArrayNode types = root.putArray("kernel_type_table");
        for (KernelTypeBreakdown.Row row : r.kernelTypes()) {
            ObjectNode o = types.addObject();
            o.put("type", row.type());
            o.put("us", row.ns() / 1000.0);
            number(o, "pct", row.pct());
        }
        ObjectNode stragglers = root.putObject("stragglers");
        r.slowestRanks().forEach(stragglers.putArray("by_step_time")::add);
        r.lateCollectiveRanks().forEach(stragglers.putArray("by_collective_start")::add);
        root.put("mean_mfu", r.meanMfu());
        return root;
    }

    private static void rank(ObjectNode o, RankProfile p) {
        o.put("rank", p.rank());
        o.put("file", p.file());
        o.put("device", p.device());
        ArrayNode steps = o.putArray("steps");
        p.steps().forEach(steps::add);
        TemporalBreakdown t = p.temporal();
        o.put("idle_us", t.idleNs() / 1000.0);
        o.put("compute_us", t.computeNs() / 1000.0);
        o.put("non_compute_us", t.nonComputeNs() / 1000.0);
        o.put("span_us", t.spanNs() / 1000.0);
        number(o, "idle_pct", t.idlePct());
        number(o, "compute_pct", t.computePct());
        number(o, "non_compute_pct", t.nonComputePct());
        ObjectNode steady = o.putObject("steady_state");
        steady.put("idle_us", p.steadyTemporal().idleNs() / 1000.0);
        steady.put("compute_us", p.steadyTemporal().computeNs() / 1000.0);
        steady.put("non_compute_us", p.steadyTemporal().nonComputeNs() / 1000.0);
        number(steady, "idle_pct", p.steadyTemporal().idlePct());
        number(steady, "compute_pct", p.steadyTemporal().computePct());
        number(steady, "non_compute_pct", p.steadyTemporal().nonComputePct());
        number(o, "comm_comp_overlap_pct", p.overlap().overlapPct());
        o.put("exposed_communication_us", p.overlap().exposedNs() / 1000.0);
        ObjectNode kt = o.putObject("kernel_types");
        for (Map.Entry<String, Long> e : p.kernelTypes().entrySet()) {
            kt.put(e.getKey(), e.getValue() / 1000.0);
        }
        ArrayNode idle = o.putArray("idle_breakdown");
        for (IdleTimeBreakdown.Row row : p.idle()) {
            ObjectNode i = idle.addObject();
            i.put("stream", row.stream());
            i.put("category", row.category().name().toLowerCase(Locale.ROOT));
            i.put("idle_us", row.idleNs() / 1000.0);
            number(i, "ratio", row.ratio());
        }
        ArrayNode per = o.putArray("per_step");
        for (StepBreakdown s : p.perStep()) {
            ObjectNode i = per.addObject();
            i.put("step", s.step());
            i.put("wall_us", s.wallNs() / 1000.0);
            i.put("steady", s.steady());
            number(i, "idle_pct", s.gpu().idlePct());
            number(i, "compute_pct", s.gpu().computePct());
            number(i, "non_compute_pct", s.gpu().nonComputePct());
            i.put("exposed_communication_us", s.exposedCommunicationNs() / 1000.0);
        }
        o.put("mean_step_seconds", p.meanStepSeconds());
        number(o, "collective_start", p.collectiveStart());
        ProfileMfu m = p.mfu();
        if (m.mfu() == null) {
            o.putNull("mfu");
        } else {
            o.put("mfu", m.mfu());
        }
        o.put("flops_per_step", m.flopsPerStep());
        o.put("peak_flops", m.peakFlops());
        o.put("precision", m.precision());
        o.put("convention", m.convention());
        ObjectNode mo = o.putObject("mfu_detail");
        mo.put("value", m.mfu());
        mo.put("raw", m.raw());
        mo.put("flops_per_step", m.flopsPerStep());
        mo.put("peak_flops", m.peakFlops());
        mo.put("peak_source", m.peakSource());
        mo.put("precision", m.precision());
        mo.put("convention", m.convention());
        mo.put("step_seconds", m.stepSeconds());
        ModelBadput b = p.modelBadput();
        if (b == null) {
            o.putNull("model_badput");
        } else {
            ObjectNode mb = o.putObject("model_badput");
            mb.put("gpu_idle", b.gpuIdle());
            mb.put("exposed_communication", b.exposedCommunication());
            mb.put("memory_and_other", b.memoryAndOther());
            mb.put("compute_below_peak", b.computeBelowPeak());
        }
        ArrayNode w = o.putArray("warnings");
        for (Problem pr : p.problems()) {
            w.add(pr.toString());
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
