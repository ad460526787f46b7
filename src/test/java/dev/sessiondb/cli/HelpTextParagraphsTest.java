package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * picocli prints each element of a description on a line of its own and wraps it there; an element that stops mid-sentence
 * broke a help line in two ("a file that is" / "no session store, ..."). Every element of every command's, option's and
 * positional's description is a whole paragraph: it ends a sentence, or it is an item of a list ("- ...") or a usage example.
 */
class HelpTextParagraphsTest {

    /** A sentence's or a clause's end, a closing bracket or quote after one. */
    private static final Pattern ENDS_A_PARAGRAPH = Pattern.compile(".*[.:;!?)\\]'\"`]$", Pattern.DOTALL);
    /** A paragraph starts as a sentence does; lower case goes on with the one before ("...store;" / "an existing file..."). */
    private static final Pattern GOES_ON = Pattern.compile("^\\p{Ll}.*", Pattern.DOTALL);
    /** What may stand as a line of its own: a list's item, or a command line to type. */
    private static final Pattern LIST_ITEM_OR_EXAMPLE = Pattern.compile("^\\s*(- |sessiondb |source |\\$ ).*", Pattern.DOTALL);

    @Test
    void everyDescriptionElementFollowedByAnotherIsAWholeParagraph() {
        CommandLine root = SessionDbCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> cutMidSentence = new ArrayList<>();
        collect(root.getCommandSpec(), cutMidSentence);

        assertThat(cutMidSentence).isEmpty();
    }

    @Test
    void theCheckFindsAnElementCutMidSentence() {
        List<String> cut = new ArrayList<>();
        check("export --force", new String[] {"Replace the file when it exists already: a file that is", "no session store."}, cut);
        check("export --output", new String[] {"Never a session store;", "an existing file only with --force."}, cut);
        check("ok", new String[] {"A list:", "- one", "- two"}, cut);

        assertThat(cut).containsExactly("export --force: \"Replace the file when it exists already: a file that is\"",
                "export --output: \"Never a session store;\"");
    }

    private static void collect(CommandSpec command, List<String> cut) {
        String name = command.qualifiedName();
        check(name, command.usageMessage().description(), cut);
        command.options().forEach(option -> check(name + " " + option.longestName(), option.description(), cut));
        command.positionalParameters().forEach(positional -> check(name + " " + positional.paramLabel(), positional.description(), cut));
        command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), cut));
    }

    private static void check(String where, String[] elements, List<String> cut) {
        for (int i = 0; i < elements.length - 1; i++) {
            String element = elements[i].strip();
            String next = elements[i + 1].strip();
            boolean endsASentence = ENDS_A_PARAGRAPH.matcher(element).matches()
                    && (!GOES_ON.matcher(next).matches() || LIST_ITEM_OR_EXAMPLE.matcher(next).matches());
            if (!endsASentence && !LIST_ITEM_OR_EXAMPLE.matcher(element).matches()) {
                cut.add(where + ": \"" + element + "\"");
            }
        }
    }
}
