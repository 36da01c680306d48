package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CLI run in-process as `goodput ARGS` runs: its exit code and what it wrote to standard output and error. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        CommandLine cl = GoodputCli.configure(GoodputCli.commandLine(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run that must succeed (exit code 0; the failure message shows its standard error). */
    static CliRun ok(String... args) {
        CliRun r = of(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out);
    }
}
