package dev.sessiondb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test class's main method in a separate JVM: a second writer, a small heap, a process to kill. */
public final class JavaProcess {

    private JavaProcess() {
    }

    /** A builder for {@code java [jvmOptions] -cp <test class path> mainClass args}; the caller redirects and starts it. */
    public static ProcessBuilder of(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    public static ProcessBuilder of(Class<?> mainClass, String... args) {
        return of(mainClass, List.of(), args);
    }

}
