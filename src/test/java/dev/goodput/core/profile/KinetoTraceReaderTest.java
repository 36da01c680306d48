package dev.goodput.core.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader passes over what an event's "ph" or "cat" rules out, and decodes operator shapes only where a FLOP
 * formula uses them; neither may depend on the order of an event's fields.
 */
class KinetoTraceReaderTest {
    @TempDir
    Path dir;

    /** Kineto's own field order: ph, cat, name, ..., args. */
    private static final List<String> KINETO_ORDER = List.of(
            "{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \"gemm_kernel\", \"pid\": 0, \"tid\": 7, \"ts\": 100,"
                    + " \"dur\": 50, \"args\": {\"stream\": 7, \"device\": 0, \"correlation\": 11}}",
            "{\"ph\": \"X\", \"cat\": \"cuda_runtime\", \"name\": \"cudaLaunchKernel\", \"pid\": 1, \"tid\": 1,"
                    + " \"ts\": 90, \"dur\": 5, \"args\": {\"correlation\": 11}}",
            "{\"ph\": \"X\", \"cat\": \"cpu_op\", \"name\": \"aten::mm\", \"pid\": 1, \"tid\": 1, \"ts\": 80,"
                    + " \"dur\": 20, \"args\": {\"External id\": 3, \"Input Dims\": [[64, 32], [32, 16]],"
                    + " \"Input type\": [\"float\", \"float\"], \"Concrete Inputs\": [\"\", \"\"]}}",
            "{\"ph\": \"X\", \"cat\": \"cpu_op\", \"name\": \"aten::relu\", \"pid\": 1, \"tid\": 1, \"ts\": 101,"
                    + " \"dur\": 4, \"args\": {\"External id\": 4, \"Input Dims\": [[64, 16]],"
                    + " \"Input type\": [\"float\"], \"Concrete Inputs\": [\"\"]}}",
            "{\"ph\": \"X\", \"cat\": \"user_annotation\", \"name\": \"ProfilerStep#5\", \"pid\": 1, \"tid\": 1,"
                    + " \"ts\": 70, \"dur\": 60}",
            "{\"ph\": \"X\", \"cat\": \"python_function\", \"name\": \"train.py(12): step\", \"pid\": 1,"
                    + " \"tid\": 1, \"ts\": 71, \"dur\": 58, \"args\": {\"Python id\": 9}}",
            "{\"ph\": \"f\", \"cat\": \"ac2g\", \"name\": \"ac2g\", \"id\": 11, \"pid\": 0, \"tid\": 7, \"ts\": 100}");

    @Test
    void fieldOrderDoesNotChangeWhatIsRead() throws Exception {
        ProfileTrace kineto = read(KINETO_ORDER);
        ProfileTrace reversed = read(KINETO_ORDER.stream().map(KinetoTraceReaderTest::reverseFields).toList());

        assertEquals(describe(kineto), describe(reversed));
        assertEquals(1, kineto.gpu().size());
        assertEquals(1, kineto.runtime().size());
        assertEquals(1, kineto.steps().size());
        assertFalse(kineto.fractionalTimestamps());
    }

    @Test
    void operatorShapesAreKeptWhereAFlopFormulaUsesThem() throws Exception {
        for (List<String> events : List.of(KINETO_ORDER,
                KINETO_ORDER.stream().map(KinetoTraceReaderTest::reverseFields).toList())) {
            List<CpuOp> ops = read(events).cpuOps();

            assertEquals(List.of("aten::mm", "aten::relu"), ops.stream().map(CpuOp::name).toList());
            CpuOp mm = ops.get(0);
            assertEquals(2, mm.inputDims().size());
            assertArrayEquals(new long[] {64, 32}, mm.inputDims().get(0));
            assertArrayEquals(new long[] {32, 16}, mm.inputDims().get(1));
            assertEquals(List.of("float", "float"), mm.inputTypes());
            assertEquals(List.of("", ""), mm.concreteInputs());
            assertEquals(3, mm.externalId());
            // kept (an operator recorded with shapes), its shapes not decoded: no FLOP formula uses them
            CpuOp relu = ops.get(1);
            assertEquals(List.of(), relu.inputDims());
            assertEquals(List.of(), relu.inputTypes());
            assertEquals(101_000, relu.startNs());
        }
    }

    @Test
    void aPhaseOtherThanXRulesTheEventOutWhereverItStands() throws Exception {
        ProfileTrace t = read(List.of(KINETO_ORDER.get(0),
                "{\"cat\": \"kernel\", \"name\": \"late_phase\", \"ts\": 200, \"dur\": 5, \"args\": {\"stream\": 7},"
                        + " \"ph\": \"i\"}",
                "{\"cat\": \"kernel\", \"name\": \"no_phase\", \"ts\": 300, \"dur\": 5, \"args\": {\"stream\": 7}}"));

        assertEquals(java.util.Set.of("gemm_kernel", "no_phase"), java.util.Set.copyOf(t.gpu().names()));
        assertEquals(2, t.gpu().size());
    }

    @Test
    void aFractionalTimestampOfAnEventPassedOverStillSwitchesRoundingOn() throws Exception {
        // HTA reads every event's ts into one float64 column: a Python frame's fraction rounds the kernels too.
        ProfileTrace t = read(List.of(KINETO_ORDER.get(0),
                "{\"ph\": \"X\", \"cat\": \"python_function\", \"name\": \"f\", \"ts\": 71.5, \"dur\": 1}"));
        ProfileTrace flow = read(List.of(KINETO_ORDER.get(0),
                "{\"ph\": \"s\", \"cat\": \"ac2g\", \"name\": \"ac2g\", \"ts\": 99.25}"));

        assertTrue(t.fractionalTimestamps());
        assertTrue(flow.fractionalTimestamps());
        assertEquals(1, t.gpu().size());
    }

    @Test
    void anObjectOrArrayWhereAPhaseCategoryOrNameShouldBeIsPassedOverWhole() throws Exception {
        // The reader once took such a value's own fields for the event's, and an array ended the event list early.
        ProfileTrace t = read(List.of(
                "{\"ph\": [\"X\"], \"cat\": \"kernel\", \"name\": \"a\", \"ts\": 1, \"dur\": 1}",
                "{\"ph\": \"i\", \"name\": {\"ph\": \"X\", \"cat\": \"kernel\", \"ts\": 1, \"dur\": 1}}",
                "{\"ph\": \"X\", \"cat\": {\"is\": \"kernel\"}, \"name\": \"b\", \"ts\": 2, \"dur\": 1}",
                "{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": [\"c\"], \"ts\": 3, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \"d\", \"ts\": 4, \"dur\": 1, \"args\": {}}"));

        assertEquals(List.of("", "d"), t.gpu().names());
        assertEquals(2, t.gpu().size());
    }

    @Test
    void categoriesAreFoldedHoweverTheyAreSpelt() throws Exception {
        ProfileTrace t = read(List.of(
                "{\"ph\": \"X\", \"cat\": \"Kernel\", \"name\": \"a\", \"ts\": 1, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": \"kernel\", \"name\": \"b\", \"ts\": 2, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": \"Memcpy\", \"name\": \"c\", \"ts\": 3, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": \"gpu_memset\", \"name\": \"d\", \"ts\": 4, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": \"Kernel\", \"name\": \"e\", \"ts\": 5, \"dur\": 1, \"args\": {}}",
                "{\"ph\": \"X\", \"cat\": 7, \"name\": \"f\", \"ts\": 6, \"dur\": 1, \"args\": {}}"));

        List<GpuEventKind> kinds = new ArrayList<>();
        for (int i = 0; i < t.gpu().size(); i++) {
            kinds.add(t.gpu().kind(i));
        }
        kinds.sort(null);
        assertEquals(List.of(GpuEventKind.KERNEL, GpuEventKind.KERNEL, GpuEventKind.KERNEL, GpuEventKind.MEMCPY,
                GpuEventKind.MEMSET).stream().sorted().toList(), kinds);
    }

    private ProfileTrace read(List<String> events) throws Exception {
        Path f = Files.createTempFile(dir, "trace", ".json");
        Files.writeString(f, "{\"traceEvents\": [\n" + String.join(",\n", events) + "\n]}");
        return new KinetoTraceReader().read(f);
    }

    /** The same event with its top-level fields (and its args' fields) in reverse order. */
    private static String reverseFields(String event) {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            return m.writeValueAsString(reverse(m.readTree(event)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode reverse(com.fasterxml.jackson.databind.JsonNode n) {
        if (!n.isObject()) {
            return n;
        }
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (int i = names.size() - 1; i >= 0; i--) {
            out.set(names.get(i), reverse(n.get(names.get(i))));
        }
        return out;
    }

    /** Everything the analyses use of a trace, as text. */
    private static String describe(ProfileTrace t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < t.gpu().size(); i++) {
            b.append(t.gpu().kind(i)).append(' ').append(t.gpu().name(i)).append(' ').append(t.gpu().startNs(i))
                    .append(' ').append(t.gpu().endNs(i)).append(' ').append(t.gpu().stream(i)).append(' ')
                    .append(t.gpu().correlation(i)).append('\n');
        }
        for (CpuOp op : t.cpuOps()) {
            b.append(op.name()).append(' ').append(op.startNs()).append(' ').append(op.endNs()).append(' ')
                    .append(op.inputDims().stream().map(java.util.Arrays::toString).toList()).append(' ')
                    .append(op.inputTypes()).append(' ').append(op.concreteInputs()).append('\n');
        }
        b.append(t.steps()).append(' ').append(t.runtime().size()).append(' ').append(t.fractionalTimestamps());
        return b.toString();
    }
}
