package dev.sessiondb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessiondb completion} prints a bash script that, sourced, completes the commands, their options and the values
 * they offer, as a user's Tab would: each case runs the script's completion function in bash over a typed line.
 */
class CompletionCommandTest {

    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void theScriptPrinted() throws IOException {
        CliRun printed = CliRun.of("completion");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        script = Files.writeString(dir.resolve("sessiondb.bash"), printed.out());
    }

    @Test
    void completesEveryCommand() throws Exception {
        assertThat(completions("sessiondb ")).contains("info", "ls", "show", "diff", "validate", "migrate", "consolidate", "undo", "history",
                "discover", "repair", "export", "sample", "upgrade", "completion");
        assertThat(completions("sessiondb mig")).containsExactly("migrate");
    }

    @Test
    void completesACommandsOptionsAndTheValuesTheyOffer() throws Exception {
        assertThat(completions("sessiondb migrate --back")).containsExactly("--backup-dir");
        assertThat(completions("sessiondb ls --format ")).containsExactlyInAnyOrder("table", "json", "csv");
        assertThat(completions("sessiondb diff --format ")).containsExactlyInAnyOrder("table", "json");
        assertThat(completions("sessiondb ls --sort ")).contains("session", "taskId", "repoName", "createdAt");
        assertThat(completions("sessiondb validate --check task-id")).contains("task-id-missing", "task-id-form");
    }

    /** What bash offers for {@code line}, the cursor at its end. */
    private List<String> completions(String line) throws Exception {
        String complete = "source \"$1\"; line=\"$2\"; read -ra COMP_WORDS <<< \"$line\"; [[ \"$line\" == *' ' ]] && COMP_WORDS+=('');"
                + " COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE=\"$line\"; COMP_POINT=${#line};"
                + " _complete_sessiondb sessiondb \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", complete, "bash", script.toString(), line).redirectErrorStream(false).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("bash answered").isTrue();
        return out.lines().map(String::strip).filter(candidate -> !candidate.isEmpty()).toList();
    }
}
