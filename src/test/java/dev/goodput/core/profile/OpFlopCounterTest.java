package dev.goodput.core.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goodput.core.profile.OpFlopCounter.FlopCount;
import dev.goodput.core.profile.OpFlopCounter.OpCall;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpFlopCounterTest {
    private static final List<long[]> NONE = List.of();

    private static long[] d(long... dims) {
        return dims;
    }

    private static List<long[]> dims(long[]... dims) {
        return Arrays.asList(dims);
    }

    private static CpuOp op(String name, long start, long end, List<long[]> dims) {
        return new CpuOp(name, 1, start, end, dims, List.of(), 0);
    }

    private static OpCall call(String name, long start, long end, List<long[]> dims, String... concrete) {
        return new OpCall(name, 1, start, end, dims, List.of(concrete));
    }

    // ---- single operators ----

    @Test
    void mmIsTwoMKN() {
        // [32, 512] @ [512, 1024]: 2 · 32 · 512 · 1024
        assertEquals(33_554_432.0, OpFlopCounter.flops("aten::mm", dims(d(32, 512), d(512, 1024))));
    }

    @Test
    void addmmIgnoresTheBiasAndScalars() {
        assertEquals(33_554_432.0, OpFlopCounter.flops("aten::addmm",
                dims(d(1024), d(32, 512), d(512, 1024), d(), d())));
    }

    @Test
    void bmmAndBaddbmmAreTwoBMKN() {
        // [8, 64, 32] @ [8, 32, 16]: 2 · 8 · 64 · 32 · 16
        assertEquals(524_288.0, OpFlopCounter.flops("aten::bmm", dims(d(8, 64, 32), d(8, 32, 16))));
        assertEquals(524_288.0, OpFlopCounter.flops("aten::baddbmm",
                dims(d(8, 64, 16), d(8, 64, 32), d(8, 32, 16), d(), d())));
    }

    @Test
    void noFormulaIsZeroAndUnusableShapesAreNaN() {
        assertEquals(0.0, OpFlopCounter.flops("aten::add", dims(d(4, 4), d(4, 4))));
        assertEquals(0.0, OpFlopCounter.flops("aten::linear", dims(d(32, 512), d(1024, 512), d(1024))));
        assertFalse(OpFlopCounter.hasFormula("aten::matmul"));
        assertTrue(OpFlopCounter.hasFormula("aten::mm"));
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::mm", NONE)));
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::mm", dims(d(32, 512), d(256, 1024)))));
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::bmm", dims(d(32, 512), d(512, 1024)))));
    }

    @Test
    void convolutionUsesStridePaddingDilationFromConcreteInputs() {
        // ResNet stem: x [8, 3, 224, 224], w [64, 3, 7, 7], stride 2, padding 3 → out 112×112
        // (224 + 6 − 6 − 1) / 2 + 1 = 112; 112·112 · 7·7 · 8 · 64 · 3 · 2 = 1,888,223,232
        List<long[]> in = dims(d(8, 3, 224, 224), d(64, 3, 7, 7), d(), d(), d(), d(), d(), d(), d());
        List<String> ci = List.of("", "", "", "[2, 2]", "[3, 3]", "[1, 1]", "False", "[0, 0]", "1");
        assertEquals(1_888_223_232.0, OpFlopCounter.flops("aten::convolution", in, ci));
        // one-element lists apply to every spatial dimension
        List<String> short1 = List.of("", "", "", "[2]", "[3]", "[1]", "False", "[0]", "1");
        assertEquals(1_888_223_232.0, OpFlopCounter.flops("aten::_convolution", in, short1));
        // without stride/padding the output size is unknown: no guess
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::convolution", in)));
    }

    @Test
    void groupedAndTransposedConvolution() {
        // depthwise 3×3, 32 channels, groups 32: w [32, 1, 3, 3], x [2, 32, 56, 56], stride 1, pad 1 → 56×56
        // 56·56 · 9 · 2 · 32 · 1 · 2 = 3,612,672
        assertEquals(3_612_672.0, OpFlopCounter.flops("aten::convolution",
                dims(d(2, 32, 56, 56), d(32, 1, 3, 3)),
                List.of("", "", "", "[1, 1]", "[1, 1]", "[1, 1]", "False", "[0, 0]", "32")));
        // transposed: PyTorch counts over the *input* spatial size: 8·8 · 3·3 · 1 · 16 · 8 · 2 = 147,456
        assertEquals(147_456.0, OpFlopCounter.flops("aten::convolution",
                dims(d(1, 16, 8, 8), d(16, 8, 3, 3)),
                List.of("", "", "", "[2, 2]", "[1, 1]", "[1, 1]", "True", "[1, 1]", "1")));
    }

    @Test
    void convolutionBackwardCountsTheRequestedGradients() {
        // From the ResNet trace: grad_out = x = [10, 512, 7, 7], w [512, 512, 3, 3], mask [True, True, False]
        // grad_input:  7·7 · 3·3 · 10 · 512 · 512 · 2 = 2,312,110,080 (the forward's count)
        // grad_weight: 3·3 · 7·7 · 512 · 512 · 10 · 2 = 2,312,110,080
        List<long[]> in = dims(d(10, 512, 7, 7), d(10, 512, 7, 7), d(512, 512, 3, 3));
        assertEquals(4_624_220_160.0, OpFlopCounter.flops("aten::convolution_backward", in,
                List.of("", "", "", "[0]", "[1, 1]", "[1, 1]", "[1, 1]", "False", "[0, 0]", "1",
                        "[True, True, False]")));
        // first layer: no grad_input
        assertEquals(2_312_110_080.0, OpFlopCounter.flops("aten::convolution_backward", in,
                List.of("", "", "", "[0]", "[1, 1]", "[1, 1]", "[1, 1]", "False", "[0, 0]", "1",
                        "[False, True, True]")));
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::convolution_backward", in)));
    }

    @Test
    void sdpaForwardIsTwoBatchedMatmuls() {
        // q = k = v = [B=2, H=8, S=128, D=64]: 2 · (2·B·H·S·S·D) = 4 · 2 · 8 · 128 · 128 · 64
        List<long[]> qkv = dims(d(2, 8, 128, 64), d(2, 8, 128, 64), d(2, 8, 128, 64), d(), d(), d(), d());
        assertEquals(67_108_864.0, OpFlopCounter.flops("aten::_scaled_dot_product_flash_attention", qkv));
        assertEquals(67_108_864.0, OpFlopCounter.flops("aten::_scaled_dot_product_efficient_attention", qkv));
        assertEquals(67_108_864.0, OpFlopCounter.flops("aten::_scaled_dot_product_cudnn_attention", qkv));
        // the flash kernel takes (B, S, H, D)
        List<long[]> bshd = dims(d(2, 128, 8, 64), d(2, 128, 8, 64), d(2, 128, 8, 64), d(), d());
        assertEquals(67_108_864.0, OpFlopCounter.flops("aten::_flash_attention_forward", bshd));
        assertEquals(67_108_864.0, OpFlopCounter.flops("aten::_efficient_attention_forward", bshd));
    }

    @Test
    void sdpaBackwardIsFiveBatchedMatmuls() {
        // 5 · 2·B·H·S·S·D = 5 · 33,554,432 = 167,772,160 (2.5× forward)
        long[] t = d(2, 8, 128, 64);
        assertEquals(167_772_160.0, OpFlopCounter.flops("aten::_scaled_dot_product_flash_attention_backward",
                dims(t, t, t, t, t, d(2, 8, 128))));
        assertEquals(167_772_160.0, OpFlopCounter.flops(
                "aten::_scaled_dot_product_efficient_attention_backward", dims(t, t, t, t, d(), t, d(2, 8, 128))));
        long[] s = d(2, 128, 8, 64);
        assertEquals(167_772_160.0, OpFlopCounter.flops("aten::_flash_attention_backward",
                dims(s, s, s, s, s, d(2, 8, 128), d(), d())));
    }

    @Test
    void groupedQueryAttentionCountsQueryHeads() {
        // 32 query heads, 8 key/value heads: 4 · 1 · 32 · 100 · 100 · 128
        assertEquals(163_840_000.0, OpFlopCounter.flops("aten::_scaled_dot_product_flash_attention",
                dims(d(1, 32, 100, 128), d(1, 8, 100, 128), d(1, 8, 100, 128))));
    }

    @Test
    void nestedFlashAttentionAssumesMaxLengthLikePyTorch() {
        // 3 sequences, 300 tokens in all, max length 128: counted as 3 × 128 × 128 (an upper bound)
        // 4 · 3 · 8 · 128 · 128 · 64 = 100,663,296
        List<long[]> in = dims(d(300, 8, 64), d(300, 8, 64), d(300, 8, 64), d(4), d(4), d(), d());
        assertEquals(100_663_296.0, OpFlopCounter.flops("aten::_flash_attention_forward", in,
                List.of("", "", "", "", "", "128", "128", "0.", "True", "False", "")));
        assertTrue(Double.isNaN(OpFlopCounter.flops("aten::_flash_attention_forward", in)));
    }

    // ---- leaf counting ----

    @Test
    void linearToAddmmIsCountedOnce() {
        List<CpuOp> ops = List.of(
                op("aten::linear", 0, 100, dims(d(32, 512), d(1024, 512), d(1024))),
                op("aten::t", 2, 5, dims(d(1024, 512))),
                op("aten::addmm", 10, 90, dims(d(1024), d(32, 512), d(512, 1024), d(), d())));
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(33_554_432.0, c.totalFlops());
        assertEquals(1, c.opsCounted());
        assertEquals(0, c.opsMissingShapes());
        assertEquals(33_554_432.0, c.flopsByOp().get("aten::addmm"));
    }

    @Test
    void matmulToMmAndBmmIsCountedOnce() {
        List<CpuOp> ops = List.of(
                op("aten::matmul", 0, 100, dims(d(32, 512), d(512, 1024))),
                op("aten::mm", 10, 90, dims(d(32, 512), d(512, 1024))),
                op("aten::matmul", 200, 300, dims(d(8, 64, 32), d(8, 32, 16))),
                op("aten::reshape", 205, 210, dims(d(8, 64, 32))),
                op("aten::bmm", 220, 280, dims(d(8, 64, 32), d(8, 32, 16))));
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(33_554_432.0 + 524_288.0, c.totalFlops());
        assertEquals(2, c.opsCounted());
    }

    @Test
    void sdpaCountsTheInnermostKernelOnly() {
        // scaled_dot_product_attention → _scaled_dot_product_flash_attention → _flash_attention_forward:
        // the last two both have formulas; only the innermost is counted
        List<CpuOp> ops = List.of(
                op("aten::scaled_dot_product_attention", 0, 100,
                        dims(d(2, 8, 128, 64), d(2, 8, 128, 64), d(2, 8, 128, 64))),
                op("aten::_scaled_dot_product_flash_attention", 5, 95,
                        dims(d(2, 8, 128, 64), d(2, 8, 128, 64), d(2, 8, 128, 64))),
                op("aten::_flash_attention_forward", 10, 90,
                        dims(d(2, 128, 8, 64), d(2, 128, 8, 64), d(2, 128, 8, 64))));
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(67_108_864.0, c.totalFlops());
        assertEquals(1, c.opsCounted());
        assertEquals(List.of("aten::_flash_attention_forward"), List.copyOf(c.flopsByOp().keySet()));
    }

    @Test
    void backwardGemmsUnderAutogradNodesAreCounted() {
        // addmm forward; its backward is two mm (grad_input, grad_weight) under MmBackward0-style nodes
        List<CpuOp> ops = List.of(
                op("aten::linear", 0, 100, NONE),
                op("aten::addmm", 10, 90, dims(d(1024), d(32, 512), d(512, 1024), d(), d())),
                op("autograd::engine::evaluate_function: AddmmBackward0", 500, 700, NONE),
                op("AddmmBackward0", 505, 695, NONE),
                op("aten::mm", 510, 590, dims(d(32, 1024), d(1024, 512))), // grad_input
                op("aten::mm", 600, 690, dims(d(1024, 32), d(32, 512))));  // grad_weight
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(3 * 33_554_432.0, c.totalFlops()); // forward + 2× forward for the backward
        assertEquals(3, c.opsCounted());
    }

    @Test
    void nestingIsPerThread() {
        // an mm on another thread during an addmm is not inside it
        List<CpuOp> ops = List.of(
                new CpuOp("aten::addmm", 1, 0, 100, dims(d(1024), d(32, 512), d(512, 1024), d(), d()), List.of(), 0),
                new CpuOp("aten::mm", 2, 10, 90, dims(d(32, 512), d(512, 1024)), List.of(), 0));
        assertEquals(2 * 33_554_432.0, OpFlopCounter.countLeafFlops(ops, 0, 1000).totalFlops());
    }

    @Test
    void windowTakesOpsStartingInIt() {
        List<CpuOp> ops = List.of(
                op("aten::mm", 100, 150, dims(d(32, 512), d(512, 1024))),   // at the start: in
                op("aten::mm", 190, 260, dims(d(32, 512), d(512, 1024))),   // starts in, ends after: in
                new CpuOp("aten::mm", 2, 200, 250, dims(d(32, 512), d(512, 1024)), List.of(), 0), // at the end: out
                op("aten::mm", 270, 280, dims(d(32, 512), d(512, 1024))),   // after: out
                op("aten::mm", 50, 99, dims(d(32, 512), d(512, 1024))));    // before: out
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 100, 200);
        assertEquals(2, c.opsCounted());
        assertEquals(2 * 33_554_432.0, c.totalFlops());
    }

    @Test
    void leavesAreDecidedOverTheWholeTraceNotTheWindow() {
        // the parent starts before the window, its GEMM inside it: the GEMM is counted, the parent never
        List<CpuOp> ops = List.of(
                op("aten::_scaled_dot_product_flash_attention", 50, 150,
                        dims(d(2, 8, 128, 64), d(2, 8, 128, 64), d(2, 8, 128, 64))),
                op("aten::_flash_attention_forward", 110, 140,
                        dims(d(2, 128, 8, 64), d(2, 128, 8, 64), d(2, 128, 8, 64))));
        assertEquals(67_108_864.0, OpFlopCounter.countLeafFlops(ops, 100, 200).totalFlops());
        assertEquals(0.0, OpFlopCounter.countLeafFlops(ops, 0, 100).totalFlops());
    }

    @Test
    void missingShapesAreCountedSeparately() {
        List<CpuOp> ops = List.of(
                op("aten::linear", 0, 100, NONE),
                op("aten::addmm", 10, 90, NONE),
                op("aten::mm", 200, 300, dims(d(32, 512), d(512, 1024))));
        FlopCount c = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(1, c.opsMissingShapes());
        assertEquals(1, c.opsCounted());
        assertEquals(33_554_432.0, c.totalFlops());
    }

    @Test
    void convChainWithConcreteInputsIsCountedOnce() {
        // conv2d → convolution → _convolution → cudnn_convolution: _convolution is the innermost with a formula
        String[] convArgs = {"", "", "", "[2, 2]", "[3, 3]", "[1, 1]", "False", "[0, 0]", "1"};
        List<long[]> in = dims(d(8, 3, 224, 224), d(64, 3, 7, 7), d(), d(), d(), d(), d(), d(), d());
        List<OpCall> calls = List.of(
                call("aten::conv2d", 0, 100, in),
                call("aten::convolution", 5, 95, in, convArgs),
                call("aten::_convolution", 10, 90, in, convArgs),
                call("aten::cudnn_convolution", 15, 85, in, "", "", "[3, 3]", "[2, 2]", "[1, 1]", "1"));
        FlopCount c = OpFlopCounter.countLeafCallFlops(calls, 0, 1000);
        assertEquals(1_888_223_232.0, c.totalFlops());
        assertEquals(1, c.opsCounted());
        // the same from CpuOp (no concrete inputs): the convolution is reported, not guessed
        List<CpuOp> ops = calls.stream().map(k -> op(k.name(), k.startNs(), k.endNs(), k.inputDims())).toList();
        FlopCount noArgs = OpFlopCounter.countLeafFlops(ops, 0, 1000);
        assertEquals(0.0, noArgs.totalFlops());
        assertEquals(1, noArgs.opsMissingShapes());
    }

    // ---- real traces (TraceLens tests/traces; origin and licence in src/test/resources/traces/README.md) ----

    /** The cpu_op events (with Concrete Inputs) and ProfilerStep windows of a Kineto trace, times in ns. */
    private record Trace(List<OpCall> calls, List<CpuOp> ops, List<long[]> steps) {
    }

    private static long ns(JsonNode micros) {
        BigDecimal us = micros.decimalValue();
        return us.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static Trace read(String resource) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode root;
        try (InputStream raw = OpFlopCounterTest.class.getResourceAsStream(resource)) {
            assertNotNull(raw, resource);
            root = mapper.readTree(new GZIPInputStream(raw));
        }
        List<OpCall> calls = new ArrayList<>();
        List<CpuOp> ops = new ArrayList<>();
        List<long[]> steps = new ArrayList<>();
        for (JsonNode e : root.get("traceEvents")) {
            String cat = e.path("cat").asText();
            String name = e.path("name").asText();
            if (!e.has("ts") || !e.has("dur")) {
                continue;
            }
            long start = ns(e.get("ts"));
            long end = start + ns(e.get("dur"));
            if (cat.equals("user_annotation") && name.startsWith("ProfilerStep#")) {
                steps.add(new long[] {start, end});
            } else if (cat.equals("cpu_op")) {
                JsonNode args = e.path("args");
                List<long[]> dims = new ArrayList<>();
                for (JsonNode in : args.path("Input Dims")) {
                    long[] shape = new long[in.size()];
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = in.get(i).isNumber() ? in.get(i).asLong() : -1; // tensor lists: nested
                    }
                    dims.add(shape);
                }
                List<String> types = new ArrayList<>();
                args.path("Input type").forEach(t -> types.add(t.asText()));
                List<String> concrete = new ArrayList<>();
                args.path("Concrete Inputs").forEach(t -> concrete.add(t.asText()));
                long tid = e.path("tid").asLong();
                ops.add(new CpuOp(name, tid, start, end, dims, types, args.path("External id").asLong()));
                calls.add(new OpCall(name, tid, start, end, dims, concrete));
            }
        }
        return new Trace(calls, ops, steps);
    }

    /**
     * Qwen1.5-0.5B-Chat inference forward on an H100, batch 16 × 559 tokens (8944 rows), bf16, one
     * ProfilerStep#6, recorded with record_shapes (TraceLens tests/traces/h100/).
     *
     * <p>Expected 6,006,026,832,832 FLOPs, computed independently by a Python script (json + Decimal, no
     * torch) that re-types PyTorch's flop_counter formulas, takes every cpu_op with a formula, drops those
     * that contain another formula op on the same tid (O(n²) containment test) and sums the rest that start
     * in the ProfilerStep#6 window. Its breakdown, which the by-op map must match:
     * <ul>
     *   <li>72 aten::addmm [1024] + [8944, 1024] @ [1024, 1024] (q, k, v projections with bias, 24 layers):
     *       2 · 8944 · 1024 · 1024 = 18,756,927,488 each, 1,350,498,779,136 in all</li>
     *   <li>96 aten::mm: 24 × [8944, 1024] @ [1024, 1024] (o_proj) = 18,756,927,488 each; 48 ×
     *       [8944, 1024] @ [1024, 2816] (gate, up) and 24 × [8944, 2816] @ [2816, 1024] (down) =
     *       2 · 8944 · 1024 · 2816 = 51,581,550,592 each; 4,164,037,902,336 in all</li>
     *   <li>24 aten::_flash_attention_forward [16, 559, 16, 64] (B, S, H, D), inside
     *       _scaled_dot_product_flash_attention (not counted): 4 · 16 · 16 · 559 · 559 · 64 =
     *       20,478,754,816 each, 491,490,115,584 in all</li>
     *   <li>1 aten::bmm [1, 32, 1] @ [1, 1, 559] (rotary frequencies): 2 · 32 · 559 = 35,776</li>
     * </ul>
     * Sanity: ≈ 2 × 308 M non-embedding parameters × 8944 tokens = 5.5 T, plus 0.49 T of attention.
     */
    @Test
    void qwenH100StepMatchesIndependentCount() throws IOException {
        Trace t = read("/traces/tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz");
        assertEquals(1, t.steps().size());
        long[] step = t.steps().get(0);

        FlopCount c = OpFlopCounter.countLeafFlops(t.ops(), step[0], step[1]);
        assertEquals(6_006_026_832_832.0, c.totalFlops(), 0.0);
        assertEquals(193, c.opsCounted());
        assertEquals(0, c.opsMissingShapes());
        assertEquals(1_350_498_779_136.0, c.flopsByOp().get("aten::addmm"), 0.0);
        assertEquals(4_164_037_902_336.0, c.flopsByOp().get("aten::mm"), 0.0);
        assertEquals(491_490_115_584.0, c.flopsByOp().get("aten::_flash_attention_forward"), 0.0);
        assertEquals(35_776.0, c.flopsByOp().get("aten::bmm"), 0.0);
        assertEquals(4, c.flopsByOp().size());

        // with concrete inputs: the same (no convolutions here)
        FlopCount withArgs = OpFlopCounter.countLeafCallFlops(t.calls(), step[0], step[1]);
        assertEquals(c, withArgs);
    }

    /**
     * ResNet (18-layer) training on MI300X, batch 10, activation checkpointing, DDP rank 0 of 8, steps
     * 15–17; backward runs on the autograd thread (another tid). Convolutions run as aten::convolution →
     * aten::_convolution → aten::miopen_convolution: the leaf with a formula is _convolution, with stride,
     * padding and dilation from Concrete Inputs; convolution_backward takes output_mask from them.
     *
     * <p>Expected per step 140,395,069,440 FLOPs, from the same independent Python script extended with the
     * convolution formulas: 39 _convolution (20 forward + 19 recomputed) = 70,182,174,720; 20
     * convolution_backward = 70,182,174,720; 2 mm = 20,480,000 and 1 addmm = 10,240,000 (fc 512 → 1000,
     * batch 10: 2 · 10 · 512 · 1000 = 10,240,000, and its two backward mm the same each). By hand, one
     * 3×3 conv on [10, 512, 7, 7] → 512 channels, stride 1, padding 1: 7·7 · 9 · 10 · 512 · 512 · 2 =
     * 2,312,110,080 forward and twice that backward (grad_input + grad_weight).
     */
    @Test
    void resnetMi300StepsWithConvolutionsMatchIndependentCount() throws IOException {
        Trace t = read("/traces/tracelens/mi300__resnet_act_checkpoint.json.gz");
        assertEquals(3, t.steps().size());
        for (long[] step : t.steps()) {
            FlopCount c = OpFlopCounter.countLeafCallFlops(t.calls(), step[0], step[1]);
            assertEquals(140_395_069_440.0, c.totalFlops(), 0.0);
            assertEquals(70_182_174_720.0, c.flopsByOp().get("aten::_convolution"), 0.0);
            assertEquals(70_182_174_720.0, c.flopsByOp().get("aten::convolution_backward"), 0.0);
            assertEquals(20_480_000.0, c.flopsByOp().get("aten::mm"), 0.0);
            assertEquals(10_240_000.0, c.flopsByOp().get("aten::addmm"), 0.0);
            assertEquals(62, c.opsCounted());
            assertEquals(0, c.opsMissingShapes());

            // CpuOp has no concrete inputs: the 59 convolutions are reported missing, the GEMMs still count
            FlopCount noArgs = OpFlopCounter.countLeafFlops(t.ops(), step[0], step[1]);
            assertEquals(30_720_000.0, noArgs.totalFlops(), 0.0);
            assertEquals(59, noArgs.opsMissingShapes());
        }
    }
}
