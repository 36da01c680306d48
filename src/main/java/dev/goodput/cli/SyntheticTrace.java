package dev.goodput.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A Kineto-shaped trace for benchmarks: per kernel a cpu_op with shapes, a cudaLaunchKernel runtime call and
 * the kernel itself (with the args real traces carry), ns-fraction timestamps, a ProfilerStep every 1,000
 * kernels and an NCCL kernel every 50.
 */
final class SyntheticTrace {
    private SyntheticTrace() {
    }

    static void write(Path file, int kernels, boolean gzip, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeArrayFieldStart("deviceProperties");
            g.writeStartObject();
            g.writeNumberField("id", 0);
            g.writeStringField("name", "NVIDIA H100 80GB HBM3");
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("distributedInfo");
            g.writeNumberField("rank", 0);
            g.writeNumberField("world_size", 8);
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            double cpu = 1_000_000.0;
            double gpu = 1_000_100.0;
            int steps = (kernels + 999) / 1000;
            for (int s = 0; s < steps; s++) {
                double stepStart = cpu;
                int n = Math.min(1000, kernels - s * 1000);
                for (int k = 0; k < n; k++) {
                    long corr = (long) s * 1000 + k + 1;
                    double opDur = 8 + r.nextDouble() * 4;
                    event(g, "cpu_op", "aten::mm", 1, 1, cpu, opDur);
                    g.writeObjectFieldStart("args");
                    g.writeNumberField("External id", corr);
                    g.writeArrayFieldStart("Input Dims");
                    g.writeStartArray();
                    g.writeNumber(4096);
                    g.writeNumber(1024);
                    g.writeEndArray();
                    g.writeStartArray();
                    g.writeNumber(1024);
                    g.writeNumber(4096);
                    g.writeEndArray();
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndObject();
                    event(g, "cuda_runtime", "cudaLaunchKernel", 1, 1, cpu + 2.137, 4.5);
                    g.writeObjectFieldStart("args");
                    g.writeNumberField("correlation", corr);
                    g.writeNumberField("External id", corr);
                    g.writeEndObject();
                    g.writeEndObject();
                    boolean nccl = k % 50 == 49;
                    double dur = nccl ? 120 + r.nextDouble() * 40 : 20 + r.nextDouble() * 15;
                    gpu = Math.max(gpu, cpu + 6.0) + r.nextDouble() * 3;
                    event(g, "kernel", nccl ? "ncclDevKernel_AllReduce_Sum_bf16_RING_LL(ncclDevKernelArgsStorage<4096ul>)"
                            : "sm90_xmma_gemm_bf16bf16_bf16f32_f32_tn_n_tilesize128x128x64_warpgroupsize1x1x1", 0,
                            nccl ? 20 : 7, gpu, dur);
                    g.writeObjectFieldStart("args");
                    g.writeNumberField("External id", corr);
                    g.writeNumberField("queued", 0);
                    g.writeNumberField("device", 0);
                    g.writeNumberField("context", 1);
                    g.writeNumberField("stream", nccl ? 20 : 7);
                    g.writeNumberField("correlation", corr);
                    g.writeNumberField("registers per thread", 168);
                    g.writeNumberField("shared memory", 213504);
                    g.writeNumberField("blocks per SM", 1.0);
                    g.writeNumberField("warps per SM", 12.0);
                    g.writeArrayFieldStart("grid");
                    g.writeNumber(128);
                    g.writeNumber(1);
                    g.writeNumber(1);
                    g.writeEndArray();
                    g.writeArrayFieldStart("block");
                    g.writeNumber(384);
                    g.writeNumber(1);
                    g.writeNumber(1);
                    g.writeEndArray();
                    g.writeNumberField("est. achieved occupancy %", 19);
                    g.writeEndObject();
                    g.writeEndObject();
                    gpu += dur;
                    cpu += opDur + 1.25;
                }
                event(g, "user_annotation", "ProfilerStep#" + (s + 1), 1, 1, stepStart, cpu - stepStart);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("baseTimeNanoseconds", 1_700_000_000_000_000_000L);
            g.writeEndObject();
        }
    }

    /** Opens an event object and writes its common fields; the caller adds args and closes it. */
    private static void event(JsonGenerator g, String cat, String name, long pid, long tid, double ts, double dur)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "X");
        g.writeStringField("cat", cat);
        g.writeStringField("name", name);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeNumberField("ts", Math.round(ts * 1000) / 1000.0);
        g.writeNumberField("dur", Math.round(dur * 1000) / 1000.0);
    }
}
