package dev.goodput.cli;

import dev.goodput.core.report.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The headless command line: the same numbers as the workbench, for scripts and CI. */
@Command(name = "goodput", mixinStandardHelpOptions = true, version = "goodput-workbench 0.1.0",
        description = "Training goodput post-mortems: infra x framework x model goodput from run and trainer logs.",
        subcommands = {ReportCommand.class, ExportCommand.class, ProfileCommand.class, FormatsCommand.class,
                SimulateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class GoodputCli {
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (also -Dgoodput.debug=true).")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 usage error, 2 bad input). */
    public static int run(String... args) {
        return execute(configure(new CommandLine(new GoodputCli())), args);
    }

    /**
     * Executes a configured command line; running out of memory (a file past what the limits foresee, or a heap
     * smaller than they assume) is one line saying what to do, never a stack trace.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println(OUT_OF_MEMORY);
            cl.getErr().flush();
            return 2;
        }
    }

    /** What an OutOfMemoryError outside the readers (which name the file) says. */
    static final String OUT_OF_MEMORY = "goodput: error: out of memory; raise the heap (java -Xmx, e.g. "
            + "java -Xmx8g -jar goodput-workbench.jar ...) or lower --max-steps";

    /** The exit codes and one-line error messages every entry point (and test) uses. */
    static CommandLine configure(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("goodput: error: " + PrintableText.of(ex.getMessage()));
            c.usage(c.getErr());
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("goodput: error: " + PrintableText.of(FailureText.of(ex)));
            if (debug(parsed)) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cl;
    }

    /** {@code --debug} on any command of the line, or {@code -Dgoodput.debug=true}. */
    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return Boolean.getBoolean("goodput.debug");
    }
}
