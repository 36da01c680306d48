package dev.goodput.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A command line that names a command builds only that one; help and usage still list them all. */
class GoodputCliCommandsTest {
    @Test
    void eachNameIsItsCommandsOwn() {
        GoodputCli.COMMANDS.forEach((name, command) -> {
            Object c = command.get();
            assertEquals(name, new CommandLine(c).getCommandName(), c.getClass().getName());
        });
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("report"), names(GoodputCli.commandLine("report", "run.jsonl")));
        assertEquals(List.of("profile"), names(GoodputCli.commandLine("--debug", "profile", "t.json")));
        assertEquals(List.of(), names(GoodputCli.commandLine("--version")));
    }

    @Test
    void helpUsageAndUnknownCommandsGetThemAll() {
        List<String> all = new ArrayList<>(GoodputCli.COMMANDS.keySet());
        assertEquals(all, names(GoodputCli.commandLine()));
        assertEquals(all, names(GoodputCli.commandLine("help", "report")));
        assertEquals(all, names(GoodputCli.commandLine("--help")));
        assertEquals(all, names(GoodputCli.commandLine("reprot", "run.jsonl")));
        assertEquals(all, names(GoodputCli.commandLine()));
    }

    @Test
    void usageOfTheTopLevelStillNamesEveryCommand() {
        CliRun help = CliRun.of("--help");
        for (String name : GoodputCli.COMMANDS.keySet()) {
            assertTrue(help.out().contains("  " + name), name + " missing from:\n" + help.out());
        }
        CliRun typo = CliRun.of("reprot");
        assertEquals(1, typo.code());
        assertTrue(typo.err().contains("report"), typo.err());
    }

    private static List<String> names(CommandLine cl) {
        return new ArrayList<>(cl.getSubcommands().keySet());
    }
}
