package dev.goodput.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tree text equals what an ObjectMapper with INDENT_OUTPUT writes, which the JSON contracts were made with. */
class JsonTreeTextTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Test
    void everyKindOfValueIsWrittenAsTheMapperWritesIt() throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", "goodput-report/1");
        root.put("int", 7);
        root.put("long", 1L << 40);
        root.put("double", 0.1 + 0.2);
        root.put("nan", Double.NaN);
        root.put("infinite", Double.NEGATIVE_INFINITY);
        root.put("float", 1.5f);
        root.put("big_integer", new BigInteger("123456789012345678901234567890"));
        root.put("big_decimal", new BigDecimal("1.250"));
        root.put("yes", true);
        root.putNull("nothing");
        root.put("text", "quote \" backslash \\ tab \t newline \n µs \u0001");
        root.putObject("empty_object");
        root.putArray("empty_array");
        ArrayNode a = root.putArray("nested");
        a.add(1).add("two").addNull().addObject().put("k", -0.0);
        a.addArray().add(false);

        assertEquals(mapperText(root), treeText(root));
    }

    @Property(tries = 200)
    void numbersAreWrittenAsTheMapperWritesThem(@ForAll double d, @ForAll long l,
                                               @ForAll @Scale(12) @DoubleRange(min = -1e-6, max = 1e-6) double tiny) throws Exception {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("d", d);
        root.put("l", l);
        root.putArray("values").add(tiny).add(d / 3);
        assertEquals(mapperText(root), treeText(root));
    }

    private static String mapperText(Object tree) throws Exception {
        StringWriter w = new StringWriter();
        MAPPER.writeValue(w, tree);
        w.write('\n');
        return w.toString();
    }

    private static String treeText(com.fasterxml.jackson.databind.JsonNode tree) throws Exception {
        StringWriter w = new StringWriter();
        JsonTreeText.write(tree, w);
        return w.toString();
    }
}
