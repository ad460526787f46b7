package dev.sessiondb.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console launcher's JIT commands name methods by text, which a rename would leave naming
 * nothing, silently: each must name a method the code has.
 */
class ConsoleLauncherOptionsTest {

    private static final Pattern COMPILE_COMMAND = Pattern.compile("-XX:CompileCommand=\\w+,([\\w.$]+)::(\\w+)");

    @Test
    void everyMethodTheLaunchersCompileCommandsNameExists() throws IOException, ClassNotFoundException {
        String options = Files.readAllLines(Path.of("installer/linux/sessiondb.properties")).stream()
                .filter(line -> line.startsWith("java-options=")).findFirst().orElseThrow();
        Matcher command = COMPILE_COMMAND.matcher(options);
        List<String> named = new ArrayList<>();
        while (command.find()) {
            Class<?> owner = Class.forName(command.group(1));
            String method = command.group(2);
            assertThat(Arrays.stream(owner.getDeclaredMethods()).map(Method::getName)).as(command.group()).contains(method);
            named.add(command.group());
        }
        assertThat(named).as("the launcher's compile commands").isNotEmpty();
    }
}
