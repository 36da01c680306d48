package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.goodput.core.model.Checkpoint;
import dev.goodput.core.model.Downtime;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Phase;
import dev.goodput.core.model.PhaseKind;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunMetadata;
import dev.goodput.core.model.StepTable;
import dev.goodput.core.model.Times;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a run as a canonical JSON Lines run log, in time order (times as ISO-8601 UTC). Used by the
 * simulator and for round trips; reading the output gives back the same facts.
 */
public final class RunLogWriter {
    private final JsonFactory factory = new JsonFactory();

    /** One output line; {@code order} sorts lines at the same instant: fault, end, downtime, start, phase, step. */
    private record Line(long time, int order, Emitter emitter) {
    }

    @FunctionalInterface
    private interface Emitter {
        void emit(JsonGenerator g) throws IOException;
    }

    public void write(Run run, Writer out) throws IOException {
        List<Line> lines = new ArrayList<>();
        RunMetadata m = run.metadata();
        for (JobAttempt a : run.attempts()) {
            lines.add(new Line(a.startUs(), 3, g -> {
                g.writeStringField("event", "job_start");
                g.writeStringField("time", iso(a.startUs()));
                if (a.allocated() > 0) {
                    g.writeNumberField("accelerators_allocated", a.allocated());
                }
                if (a.inUse() > 0) {
                    g.writeNumberField("accelerators_in_use", a.inUse());
                }
                if (a.hotSpares() > 0) {
                    g.writeNumberField("accelerators_hot_spare", a.hotSpares());
                }
                if (!a.nodes().isEmpty()) {
                    g.writeStringField("nodes", String.join(",", a.nodes()));
                }
            }));
            if (a.hasEnd()) {
                lines.add(new Line(a.endUs(), 1, g -> {
                    g.writeStringField("event", "job_end");
                    g.writeStringField("time", iso(a.endUs()));
                    g.writeStringField("reason", a.endReason().id());
                }));
            }
        }
        for (Phase p : run.phases()) {
            lines.add(new Line(p.startUs(), 4, g -> {
                g.writeStringField("event", "phase");
                g.writeStringField("phase", p.kind().id());
                if (p.kind() == PhaseKind.CUSTOM || !p.name().equals(p.kind().id())) {
                    g.writeStringField("name", p.name());
                }
                g.writeStringField("start", iso(p.startUs()));
                g.writeStringField("end", iso(p.endUs()));
                if (p.layer() != p.kind().layer()) {
                    g.writeStringField("layer", p.layer().id());
                }
            }));
        }
        StepTable s = run.steps();
        for (int i = 0; i < s.size(); i++) {
            int row = i;
            lines.add(new Line(s.startUs(i), 5, g -> {
                g.writeStringField("event", "step");
                g.writeNumberField("step", s.number(row));
                g.writeStringField("start", iso(s.startUs(row)));
                if (Times.known(s.endUs(row))) {
                    g.writeStringField("end", iso(s.endUs(row)));
                }
                if (s.tokens(row) >= 0) {
                    g.writeNumberField("tokens", s.tokens(row));
                }
            }));
        }
        for (Checkpoint c : run.checkpoints()) {
            lines.add(new Line(c.timeUs(), 5, g -> {
                g.writeStringField("event", "checkpoint");
                if (c.step() >= 0) {
                    g.writeNumberField("step", c.step());
                }
                g.writeStringField("time", iso(c.timeUs()));
                g.writeNumberField("blocking_seconds", BigDecimal.valueOf(c.blockingUs(), 6).stripTrailingZeros());
            }));
        }
        for (FaultEvent f : run.faults()) {
            lines.add(new Line(f.timeUs(), 0, g -> {
                g.writeStringField("event", "fault");
                g.writeStringField("time", iso(f.timeUs()));
                g.writeStringField("cause", f.cause());
                if (!f.message().isEmpty()) {
                    g.writeStringField("message", f.message());
                }
                if (f.node() != null) {
                    g.writeStringField("node", f.node());
                }
                if (f.rank() >= 0) {
                    g.writeNumberField("rank", f.rank());
                }
                if (f.layer() != null) {
                    g.writeStringField("layer", f.layer().id());
                }
                if (f.rule() != null) {
                    g.writeStringField("rule", f.rule());
                }
            }));
        }
        for (Downtime d : run.downtimes()) {
            lines.add(new Line(d.startUs(), 2, g -> {
                g.writeStringField("event", "downtime");
                g.writeStringField("kind", d.kind().id());
                g.writeStringField("start", iso(d.startUs()));
                g.writeStringField("end", iso(d.endUs()));
                if (d.cause() != null) {
                    g.writeStringField("cause", d.cause());
                }
            }));
        }
        lines.sort(Comparator.comparingLong(Line::time).thenComparingInt(Line::order));
        writeHeader(m, out);
        for (Line l : lines) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                l.emitter().emit(g);
                g.writeEndObject();
            }
            out.write('\n');
        }
        out.flush();
    }

    private void writeHeader(RunMetadata m, Writer out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("schema", RunLogEventMapper.SCHEMA_VERSION);
            g.writeStringField("event", "run");
            g.writeStringField("name", m.name());
            if (m.acceleratorType() != null) {
                g.writeStringField("accelerator", m.acceleratorType());
            }
            if (m.acceleratorCount() > 0) {
                g.writeNumberField("accelerators", m.acceleratorCount());
            }
            number(g, "peak_flops", m.peakFlopsPerAccelerator());
            if (m.peakPrecision() != null) {
                g.writeStringField("precision", m.peakPrecision());
            }
            number(g, "flops_per_step", m.flopsPerStep());
            number(g, "parameters", m.parameters());
            number(g, "tokens_per_step", m.tokensPerStep());
            positive(g, "layers", m.layers());
            positive(g, "heads", m.heads());
            positive(g, "head_dim", m.headDim());
            positive(g, "seq_len", m.sequenceLength());
            if (m.flopConvention() != null) {
                g.writeStringField("flop_convention", m.flopConvention().id());
            }
            if (m.evalProductive() != null) {
                g.writeBooleanField("eval_productive", m.evalProductive());
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** Whole numbers as integers (9.89e14 reads as 989000000000000, not 9.89E14). */
    private static void number(JsonGenerator g, String key, double v) throws IOException {
        if (Double.isNaN(v)) {
            return;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            g.writeNumberField(key, (long) v);
        } else {
            g.writeNumberField(key, v);
        }
    }

    private static void positive(JsonGenerator g, String key, int v) throws IOException {
        if (v > 0) {
            g.writeNumberField(key, v);
        }
    }

    static String iso(long micros) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        return DateTimeFormatter.ISO_INSTANT.format(i);
    }
}
