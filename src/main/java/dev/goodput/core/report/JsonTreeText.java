package dev.goodput.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree (the reports' {@code ObjectNode}s) with jackson-core's generator, indented as an ObjectMapper
 * with {@code INDENT_OUTPUT} writes it, byte for byte. Setting up an ObjectMapper loads some 400 classes of
 * jackson-databind, ~0.1 s of a short command's JSON output (docs/performance.md, issue 15); the tree's own node
 * classes are a handful. The trees hold objects, arrays, text, numbers, booleans and nulls only.
 */
public final class JsonTreeText {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTreeText() {
    }

    /** Writes {@code tree} indented, then a newline; the writer is flushed, not closed (the caller owns it). */
    public static void write(JsonNode tree, Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        value(g, tree);
        g.close();
        out.write('\n');
        out.flush();
    }

    private static void value(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) {
                    value(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> number(g, n);
            default -> throw new IllegalArgumentException("not a JSON value of a report: " + n.getNodeType());
        }
    }

    private static void number(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.numberType()) {
            case INT -> g.writeNumber(n.intValue());
            case LONG -> g.writeNumber(n.longValue());
            case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
            case FLOAT -> g.writeNumber(n.floatValue());
            case DOUBLE -> g.writeNumber(n.doubleValue());
            case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
            default -> throw new IllegalArgumentException("not a number: " + n);
        }
    }
}
