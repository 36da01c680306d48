package dev.goodput.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Model FLOPs of a step, counted from the operators of a PyTorch profiler trace recorded with shapes, with
 * the formulas of PyTorch's own flop counter ({@code torch/utils/flop_counter.py}): 2·M·K·N per matrix
 * product, convolutions from the output size, attention as its two (forward) or five (backward) batched
 * matrix products. Bias additions, softmax, norms and element-wise ops are not counted, as in PyTorch.
 *
 * <p>Each GEMM is counted once, at the innermost operator that has a formula: {@code aten::linear} →
 * {@code aten::addmm} counts the addmm; {@code aten::_scaled_dot_product_flash_attention} →
 * {@code aten::_flash_attention_forward} counts the inner one. Nesting is by time containment on the same
 * thread. Backward GEMMs ({@code aten::mm} under {@code MmBackward0}, {@code aten::convolution_backward},
 * the attention backward ops) are ordinary operators, so a training step's count is forward + backward
 * (+ any recomputation under activation checkpointing, which is real work, though not "model" FLOPs).
 *
 * <p>Differences from PyTorch's counter, which sees tensors and the real output rather than a trace:
 * <ul>
 *   <li>The convolution output size is computed from stride, padding and dilation, which a Kineto trace
 *       only has in {@code args["Concrete Inputs"]}; without them a convolution is reported as missing
 *       shapes rather than guessed.</li>
 *   <li>{@code _flash_attention_*} and {@code _efficient_attention_*} take (batch, seq, heads, dim); they
 *       are transposed to (batch, heads, seq, dim) before PyTorch's formula (which assumes the latter).</li>
 *   <li>Grouped-query attention (fewer key/value heads) is counted with the query heads; PyTorch asserts
 *       equal heads.</li>
 *   <li>Variable-length (nested) attention is counted as PyTorch does for fake tensors: every sequence at
 *       the maximum length from the concrete inputs, an upper bound.</li>
 * </ul>
 */
public final class OpFlopCounter {
    private OpFlopCounter() {
    }

    /**
     * One operator call: what {@link CpuOp} has plus the profiler's {@code args["Concrete Inputs"]} (one
     * string per input, "" for tensors; e.g. "[1, 1]", "False"), which convolutions need.
     */
    public record OpCall(String name, long tid, long startNs, long endNs, List<long[]> inputDims,
                         List<String> concreteInputs) {
        public OpCall {
            inputDims = inputDims == null ? List.of() : List.copyOf(inputDims);
            concreteInputs = concreteInputs == null ? List.of() : List.copyOf(concreteInputs);
        }

        /** A call without concrete inputs (convolutions will count as missing shapes). */
        public static OpCall of(CpuOp op) {
            return of(op, List.of());
        }

        public static OpCall of(CpuOp op, List<String> concreteInputs) {
            return new OpCall(op.name(), op.tid(), op.startNs(), op.endNs(), op.inputDims(), concreteInputs);
        }
    }

    /**
     * FLOPs counted in a time window.
     *
     * @param totalFlops       sum over the counted operators
     * @param flopsByOp        operator name → FLOPs, sorted by name
     * @param opsCounted       leaf operators with a formula and usable shapes
     * @param opsMissingShapes leaf operators with a formula whose shapes (or, for convolutions, concrete
     *                         inputs) were missing or unusable: not in the total, so the total is a lower
     *                         bound when this is not 0
     */
    public record FlopCount(double totalFlops, Map<String, Double> flopsByOp, int opsCounted,
                            int opsMissingShapes) {
        public FlopCount {
            flopsByOp = Collections.unmodifiableMap(new TreeMap<>(flopsByOp));
        }
    }

    private static final Set<String> FORMULA_OPS = Set.of(
            "mm", "addmm", "bmm", "baddbmm", "_scaled_mm",
            "convolution", "_convolution", "convolution_backward",
            "_scaled_dot_product_efficient_attention", "_scaled_dot_product_flash_attention",
            "_scaled_dot_product_cudnn_attention",
            "_scaled_dot_product_efficient_attention_backward", "_scaled_dot_product_flash_attention_backward",
            "_scaled_dot_product_cudnn_attention_backward",
            "_flash_attention_forward", "_efficient_attention_forward",
            "_flash_attention_backward", "_efficient_attention_backward");

    /** "aten::mm" → "mm"; other namespaces are kept whole and so have no formula. */
    private static String base(String opName) {
        if (opName == null) {
            return "";
        }
        return opName.startsWith("aten::") ? opName.substring("aten::".length()) : opName;
    }

    /** Whether PyTorch's flop counter has a formula for this operator ("aten::mm" or "mm"). */
    public static boolean hasFormula(String opName) {
        return FORMULA_OPS.contains(base(opName));
    }

    /** {@link #flops(String, List, List)} without concrete inputs. */
    public static double flops(String opName, List<long[]> inputDims) {
        return flops(opName, inputDims, List.of());
    }

    /**
     * FLOPs of one call of an operator.
     *
     * @param inputDims      one entry per input, an empty array for a non-tensor or absent input
     * @param concreteInputs one entry per input (may be empty; needed for convolutions)
     * @return 0 if the operator has no formula; NaN if it has one but the shapes or arguments it needs are
     *         missing or inconsistent
     */
    public static double flops(String opName, List<long[]> inputDims, List<String> concreteInputs) {
        String op = base(opName);
        if (!FORMULA_OPS.contains(op)) {
            return 0;
        }
        List<long[]> d = inputDims == null ? List.of() : inputDims;
        List<String> c = concreteInputs == null ? List.of() : concreteInputs;
        try {
            return switch (op) {
                case "mm", "_scaled_mm" -> mm(dim(d, 0), dim(d, 1));
                case "addmm" -> mm(dim(d, 1), dim(d, 2));
                case "bmm" -> bmm(dim(d, 0), dim(d, 1));
                case "baddbmm" -> bmm(dim(d, 1), dim(d, 2));
                case "convolution", "_convolution" -> convolution(d, c);
                case "convolution_backward" -> convolutionBackward(d, c);
                case "_scaled_dot_product_efficient_attention", "_scaled_dot_product_flash_attention",
                     "_scaled_dot_product_cudnn_attention" -> sdpa(dim(d, 0), dim(d, 1), dim(d, 2));
                case "_scaled_dot_product_efficient_attention_backward",
                     "_scaled_dot_product_flash_attention_backward",
                     "_scaled_dot_product_cudnn_attention_backward" ->
                        sdpaBackward(dim(d, 0), dim(d, 1), dim(d, 2), dim(d, 3));
                // (query, key, value, cum_seq_q, cum_seq_k, max_q, max_k, ...)
                case "_flash_attention_forward" -> bshdAttention(d, c, 0, 3, 5, false);
                // (query, key, value, bias, cu_seqlens_q, cu_seqlens_k, max_seqlen_q, max_seqlen_k, ...)
                case "_efficient_attention_forward" -> bshdAttention(d, c, 0, 4, 6, false);
                // (grad_out, query, key, value, out, logsumexp, cum_seq_q, cum_seq_k, max_q, max_k, ...)
                case "_flash_attention_backward" -> bshdAttention(d, c, 0, 6, 8, true);
                // (grad_out, query, key, value, bias, out, cu_seqlens_q, cu_seqlens_k, max_seqlen_q, ...)
                case "_efficient_attention_backward" -> bshdAttention(d, c, 0, 6, 8, true);
                default -> 0;
            };
        } catch (Unusable e) {
            return Double.NaN;
        }
    }

    /**
     * FLOPs of the leaf formula operators of {@code ops} that start in [fromNs, toNs), e.g. one
     * {@code ProfilerStep#N}. Convolutions count as missing shapes, since {@link CpuOp} has no concrete
     * inputs; use {@link #countLeafCallFlops} when they are available.
     */
    public static FlopCount countLeafFlops(List<CpuOp> ops, long fromNs, long toNs) {
        List<OpCall> calls = new ArrayList<>(ops.size());
        for (CpuOp op : ops) {
            if (hasFormula(op.name())) {
                calls.add(OpCall.of(op, op.concreteInputs()));
            }
        }
        return countLeafCallFlops(calls, fromNs, toNs);
    }

    /**
     * FLOPs of the leaf formula operators of {@code calls} that start in [fromNs, toNs). A formula operator
     * is a leaf when no other formula operator of the same thread lies within its time span (start ≤ other
     * start and other end ≤ end). Leaves are decided over all of {@code calls}, not only the window, so a
     * GEMM is counted in exactly one window even when its parent straddles the window's end.
     */
    public static FlopCount countLeafCallFlops(List<OpCall> calls, long fromNs, long toNs) {
        Map<Long, List<Integer>> byThread = new HashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            if (hasFormula(calls.get(i).name())) {
                byThread.computeIfAbsent(calls.get(i).tid(), t -> new ArrayList<>()).add(i);
            }
        }
        boolean[] hasFormulaInside = new boolean[calls.size()];
        // Outer before inner: start ascending, then end descending, then trace order (stable sort).
        Comparator<Integer> outerFirst = Comparator.<Integer>comparingLong(i -> calls.get(i).startNs())
                .thenComparing(Comparator.<Integer>comparingLong(i -> calls.get(i).endNs()).reversed());
        for (List<Integer> thread : byThread.values()) {
            thread.sort(outerFirst);
            List<Integer> open = new ArrayList<>(); // a chain of nested spans, outermost first
            for (int i : thread) {
                OpCall cur = calls.get(i);
                while (!open.isEmpty() && !contains(calls.get(open.get(open.size() - 1)), cur)) {
                    open.remove(open.size() - 1);
                }
                if (!open.isEmpty()) {
                    // The enclosing spans below the top were marked when the top was pushed.
                    hasFormulaInside[open.get(open.size() - 1)] = true;
                }
                open.add(i);
            }
        }
        double total = 0;
        Map<String, Double> byOp = new HashMap<>();
        int counted = 0;
        int missing = 0;
        for (List<Integer> thread : byThread.values()) {
            for (int i : thread) {
                OpCall call = calls.get(i);
                if (hasFormulaInside[i] || call.startNs() < fromNs || call.startNs() >= toNs) {
                    continue;
                }
                double f = flops(call.name(), call.inputDims(), call.concreteInputs());
                if (Double.isNaN(f)) {
                    missing++;
                } else {
                    total += f;
                    byOp.merge(call.name(), f, Double::sum);
                    counted++;
                }
            }
        }
        return new FlopCount(total, byOp, counted, missing);
    }

    private static boolean contains(OpCall outer, OpCall inner) {
        return outer.startNs() <= inner.startNs() && inner.endNs() <= outer.endNs();
    }

    // ---- formulas (torch/utils/flop_counter.py) ----

    /** Shapes or arguments a formula needs are missing or inconsistent. */
    private static final class Unusable extends Exception {
        Unusable() {
            super(null, null, false, false);
        }
    }

    private static long[] dim(List<long[]> dims, int i) throws Unusable {
        if (i >= dims.size() || dims.get(i) == null || dims.get(i).length == 0) {
            throw new Unusable();
        }
        return dims.get(i);
    }

    private static void require(boolean ok) throws Unusable {
        if (!ok) {
            throw new Unusable();
        }
    }

    /** mm_flop: [m, k] @ [k, n] → 2·m·n·k. */
    private static double mm(long[] a, long[] b) throws Unusable {
        require(a.length == 2 && b.length == 2 && a[1] == b[0]);
        return 2.0 * a[0] * a[1] * b[1];
    }

    /** bmm_flop: [b, m, k] @ [b, k, n] → 2·b·m·n·k. */
    private static double bmm(long[] a, long[] b) throws Unusable {
        require(a.length == 3 && b.length == 3 && a[0] == b[0] && a[2] == b[1]);
        return bmm(a[0], a[1], a[2], b[2]);
    }

    private static double bmm(double batch, double m, double k, double n) {
        return 2.0 * batch * m * k * n;
    }

    /**
     * conv_flop_count: prod(spatial) · prod(filter) · batch · c_out · c_in · 2, where spatial is the
     * output's for a regular and the input's for a transposed convolution; {@code w} is the weight as
     * given, so c_in is per group.
     */
    private static double convCount(long[] x, long[] w, long[] out, boolean transposed) {
        long[] spatialOf = transposed ? x : out;
        double flop = 2.0 * x[0] * w[0] * w[1];
        for (int i = 2; i < spatialOf.length; i++) {
            flop *= spatialOf[i];
        }
        for (int i = 2; i < w.length; i++) {
            flop *= w[i];
        }
        return flop;
    }

    /** convolution / _convolution (input, weight, bias, stride, padding, dilation, transposed, ...). */
    private static double convolution(List<long[]> d, List<String> c) throws Unusable {
        long[] x = dim(d, 0);
        long[] w = dim(d, 1);
        require(x.length >= 3 && x.length == w.length);
        boolean transposed = parseBool(concrete(c, 6));
        if (transposed) {
            return convCount(x, w, null, true);
        }
        int n = x.length - 2;
        long[] stride = expand(parseLongs(concrete(c, 3)), n);
        long[] padding = expand(parseLongs(concrete(c, 4)), n);
        long[] dilation = expand(parseLongs(concrete(c, 5)), n);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[0];
        for (int i = 0; i < n; i++) {
            require(stride[i] > 0);
            long span = x[2 + i] + 2 * padding[i] - dilation[i] * (w[2 + i] - 1) - 1;
            require(span >= 0);
            out[2 + i] = span / stride[i] + 1;
        }
        return convCount(x, w, out, false);
    }

    /**
     * convolution_backward (grad_output, input, weight, bias_sizes, stride, padding, dilation, transposed,
     * output_padding, groups, output_mask): grad_input is a transposed convolution of grad_output with the
     * weight, grad_weight a convolution of the input with grad_output; grad_bias is not counted.
     */
    private static double convolutionBackward(List<long[]> d, List<String> c) throws Unusable {
        long[] gradOut = dim(d, 0);
        long[] x = dim(d, 1);
        long[] w = dim(d, 2);
        require(x.length >= 3 && x.length == w.length && gradOut.length == x.length);
        boolean transposed = parseBool(concrete(c, 7));
        String[] mask = list(concrete(c, 10));
        require(mask.length >= 2);
        double flop = 0;
        if (parseBool(mask[0])) {
            // grad_input has the input's shape
            flop += convCount(gradOut, w, x, !transposed);
        }
        if (parseBool(mask[1])) {
            // grad_weight has the weight's shape
            flop += transposed
                    ? convCount(t(gradOut), t(x), t(w), false)
                    : convCount(t(x), t(gradOut), t(w), false);
        }
        return flop;
    }

    /** Swaps the first two dimensions. */
    private static long[] t(long[] s) {
        long[] r = s.clone();
        r[0] = s[1];
        r[1] = s[0];
        return r;
    }

    /**
     * sdpa_flop_count with (batch, heads, seq, dim) shapes: q·kᵀ and scores·v, 2·b·h·s_q·s_k·(d_q + d_v).
     * Heads are the query's (grouped-query attention has fewer key/value heads).
     */
    private static double sdpa(long[] q, long[] k, long[] v) throws Unusable {
        require(q.length == 4 && k.length == 4 && v.length == 4);
        require(q[0] == k[0] && q[0] == v[0] && q[3] == k[3] && k[2] == v[2]);
        double bh = (double) q[0] * q[1];
        return bmm(bh, q[2], q[3], k[2]) + bmm(bh, q[2], k[2], v[3]);
    }

    /**
     * sdpa_backward_flop_count: recompute q·kᵀ, grad_scores = grad_out·vᵀ, grad_v = scoresᵀ·grad_out,
     * grad_q = grad_scores·k, grad_k = qᵀ·grad_scores.
     */
    private static double sdpaBackward(long[] gradOut, long[] q, long[] k, long[] v) throws Unusable {
        require(gradOut.length == 4 && q.length == 4 && k.length == 4 && v.length == 4);
        require(q[0] == k[0] && q[0] == v[0] && q[0] == gradOut[0] && q[3] == k[3] && k[2] == v[2]
                && gradOut[2] == q[2] && gradOut[3] == v[3]);
        double bh = (double) q[0] * q[1];
        double sq = q[2];
        double sk = k[2];
        double dq = q[3];
        double dv = v[3];
        return bmm(bh, sq, dq, sk) + bmm(bh, sq, dv, sk) + bmm(bh, sk, sq, dv) + bmm(bh, sq, sk, dq)
                + bmm(bh, dq, sq, sk);
    }

    /**
     * The flash/efficient attention kernels, whose tensors are (batch, seq, heads, dim), or for the nested
     * (variable-length) case (total_tokens, heads, dim) with cumulative sequence offsets [batch + 1].
     *
     * @param first   index of the first of (grad_out,) query, key, value
     * @param cumSeqQ index of cum_seq_q; cum_seq_k follows it
     * @param maxQ    index of max_q; max_k follows it
     */
    private static double bshdAttention(List<long[]> d, List<String> c, int first, int cumSeqQ, int maxQ,
                                        boolean backward) throws Unusable {
        int qi = first + (backward ? 1 : 0);
        long[] q = dim(d, qi);
        long[] k = dim(d, qi + 1);
        long[] v = dim(d, qi + 2);
        long[] cum = cumSeqQ < d.size() && d.get(cumSeqQ) != null ? d.get(cumSeqQ) : new long[0];
        if (cum.length == 1 && cum[0] >= 2) {
            // Nested: PyTorch's fallback when the offsets are not known: every sequence at the max length.
            long batch = cum[0] - 1;
            long maxLenQ = parseLong(concrete(c, maxQ));
            long maxLenK = parseLong(concrete(c, maxQ + 1));
            int h = q.length - 2; // (total, heads, dim) for flash; (1, total, heads, dim) for efficient
            require(h >= 0 && q.length == k.length && q.length == v.length);
            long[] q4 = {batch, q[h], maxLenQ, q[h + 1]};
            long[] k4 = {batch, k[h], maxLenK, k[h + 1]};
            long[] v4 = {batch, v[h], maxLenK, v[h + 1]};
            long[] g4 = {batch, q[h], maxLenQ, v[h + 1]}; // grad_out has the output's shape
            return backward ? sdpaBackward(g4, q4, k4, v4) : sdpa(q4, k4, v4);
        }
        require(q.length == 4 && k.length == 4 && v.length == 4);
        if (backward) {
            long[] g = dim(d, first);
            require(g.length == 4);
            return sdpaBackward(bhsd(g), bhsd(q), bhsd(k), bhsd(v));
        }
        return sdpa(bhsd(q), bhsd(k), bhsd(v));
    }

    /** (batch, seq, heads, dim) → (batch, heads, seq, dim). */
    private static long[] bhsd(long[] bshd) {
        return new long[] {bshd[0], bshd[2], bshd[1], bshd[3]};
    }

    // ---- concrete inputs: "[1, 1]", "False", "559" ----

    private static String concrete(List<String> c, int i) throws Unusable {
        if (i >= c.size() || c.get(i) == null || c.get(i).isBlank()) {
            throw new Unusable();
        }
        return c.get(i).trim();
    }

    private static boolean parseBool(String s) throws Unusable {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new Unusable();
        };
    }

    private static String[] list(String s) throws Unusable {
        String body = s.trim();
        require(body.startsWith("[") && body.endsWith("]"));
        body = body.substring(1, body.length() - 1).trim();
        return body.isEmpty() ? new String[0] : body.split(",");
    }

    private static long parseLong(String s) throws Unusable {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new Unusable();
        }
    }

    private static long[] parseLongs(String s) throws Unusable {
        String[] parts = list(s);
        long[] r = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            r[i] = parseLong(parts[i]);
        }
        return r;
    }

    /** A one-element list applies to every spatial dimension, as in ATen. */
    private static long[] expand(long[] v, int n) throws Unusable {
        if (v.length == n) {
            return v;
        }
        require(v.length == 1);
        long[] r = new long[n];
        java.util.Arrays.fill(r, v[0]);
        return r;
    }
}
