package dev.goodput.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.goodput.core.load.InputFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code goodput formats}: every format a run is read from, with an example line and what is taken from it. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        description = "List the formats `report` and `export` read (the ids are what --log-format takes).")
final class FormatsCommand implements Callable<Integer> {
    static final String SCHEMA = "goodput-formats/1";

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            return CommandFailure.usage("expected --format text or json, found \"" + format + "\"")
                    .report(spec.commandLine());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("json")) {
            json(out);
        } else {
            text(out);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out) {
        List<InputFormats.Format> all = InputFormats.all();
        out.println("Structured files, told apart by their first record:");
        section(out, all, InputFormats.Kind.STRUCTURED);
        out.println();
        out.println("Trainer logs, read line by line (the recognisers find their lines by content; "
                + "--log-format ID reads every text log as one format):");
        section(out, all, InputFormats.Kind.TRAINER_LOG);
        out.println();
        out.println("Any of them may be gzip-compressed; a folder stands for the files in it. Profiler traces "
                + "(Kineto JSON, Nsight Systems SQLite) beside a run give the model layer. More in docs/formats.md.");
    }

    private static void section(PrintWriter out, List<InputFormats.Format> all, InputFormats.Kind kind) {
        for (InputFormats.Format f : all) {
            if (f.kind() == kind) {
                out.println();
                out.printf("  %-18s %s%n", f.id(), f.name());
                out.println("      e.g.   " + f.example());
                out.println("      takes: " + f.takes());
            }
        }
    }

    private static void json(PrintWriter out) throws IOException {
        try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeArrayFieldStart("formats");
            for (InputFormats.Format f : InputFormats.all()) {
                g.writeStartObject();
                g.writeStringField("id", f.id());
                g.writeStringField("name", f.name());
                g.writeStringField("kind", f.kind() == InputFormats.Kind.TRAINER_LOG ? "trainer-log" : "structured");
                g.writeBooleanField("log_format_option", f.kind() == InputFormats.Kind.TRAINER_LOG);
                g.writeStringField("example", f.example());
                g.writeStringField("takes", f.takes());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
