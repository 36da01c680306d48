package dev.goodput.cli;

import dev.goodput.core.report.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The headless command line: the same numbers as the workbench, for scripts and CI. */
@Command(name = "goodput", mixinStandardHelpOptions = true, version = "goodput-workbench 0.1.0",
        description = "Training goodput post-mortems: infra x framework x model goodput from run and trainer logs.")
public final class GoodputCli {
    /**
     * The commands by name, in the order usage lists them. A command line that names one gets only that one: picocli
     * builds each command's model by reflection, and building them all took a fifth of a short command's start
     * (docs/performance.md, App image). Help, usage errors and a line naming no command get them all.
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("report", ReportCommand::new);
        m.put("export", ExportCommand::new);
        m.put("profile", ProfileCommand::new);
        m.put("formats", FormatsCommand::new);
        m.put("simulate", SimulateCommand::new);
        m.put("bench", BenchCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (also -Dgoodput.debug=true).")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 ok, 1 usage error, 2 bad input). */
    public static int run(String... args) {
        return execute(configure(commandLine(args)), args);
    }

    /** The command line with every command, as usage and help show it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GoodputCli());
        COMMANDS.values().forEach(command -> cl.addSubcommand(command.get()));
        return cl;
    }

    /** The command line for these arguments: only the command they name, if they name one. */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return new CommandLine(new GoodputCli());
        }
        String named = commandName(args);
        if (named == null || named.equals("help")) {
            return commandLine();
        }
        return new CommandLine(new GoodputCli()).addSubcommand(COMMANDS.get(named).get());
    }

    /** The command the arguments name: the first that is not one of the top level's own options; null if none. */
    private static String commandName(String... args) {
        for (String a : args) {
            if (a.equals("--debug")) {
                continue;
            }
            return COMMANDS.containsKey(a) ? a : null;
        }
        return null;
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
