package dev.sessiondb;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Starts a test class's main method in a separate JVM: a second writer, a small heap, a process to kill. */
public final class JavaProcess {

    private JavaProcess() {
    }

    /** A builder for {@code java [jvmOptions] -cp <test class path> mainClass args}; the caller redirects and starts it. */
    public static ProcessBuilder of(Class<?> mainClass, List<String> jvmOptions, String... args) {
        return java(jvmOptions, System.getProperty("java.class.path"), mainClass, args);
    }

    public static ProcessBuilder of(Class<?> mainClass, String... args) {
        return of(mainClass, List.of(), args);
    }

    /** The app as it ships: {@link Main} on the main classes and the libraries, without the tests' classes and their logback-test.xml. */
    public static ProcessBuilder ofApp(String... args) {
        String appClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        return java(List.of(), appClassPath, Main.class, args);
    }

    private static ProcessBuilder java(List<String> jvmOptions, String classPath, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
