package dev.sessiondb.ui.screenshots;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** What the screenshot renderers share: work on the JavaFX thread, waiting for a screen, saving it as PNG. */
final class ScreenCapture {

    private ScreenCapture() {
    }

    /** A renderer's work, run once JavaFX has started. */
    @FunctionalInterface
    interface Rendering {
        void renderAll() throws Exception;
    }

    /**
     * Starts JavaFX, renders, and ends the JVM: with 0, or with 1 once the failure is printed, so that render.sh stops at
     * a screen that did not come and no background thread of the app keeps the JVM running.
     */
    static void renderThenExit(Rendering rendering) {
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        int status = 0;
        try {
            rendering.renderAll();
        } catch (Exception | AssertionError failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Lets background work, layout and CSS finish, then writes the scene to a PNG file (a picture, not a test). */
    static void save(Scene scene, Path file) throws Exception {
        Thread.sleep(1200);
        WritableImage image = onFx(() -> scene.snapshot(null));
        PixelReader pixels = image.getPixelReader();
        BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        for (int tries = 0; tries < 600; tries++) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the screen did not reach the expected state within a minute");
    }

    static void onFx(Runnable action) throws Exception {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Platform.runLater(task);
        return task.get();
    }
}
