package dev.sessiondb.ui.about;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.image.Image;

/** The product's icon (icons/sessiondb-admin.svg, rendered by icons/render.sh) at the sizes the build puts in the jar. */
public final class AppIcons {

    private static final int[] STAGE_SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    public static Image image(int size) {
        return new Image(AppIcons.class.getResource("/dev/sessiondb/ui/icons/sessiondb-admin-" + size + ".png").toExternalForm());
    }

    /** For {@code Stage.getIcons()}: the window manager picks the size it draws. */
    public static List<Image> forStage() {
        return Stream.of(STAGE_SIZES).flatMapToInt(Arrays::stream).mapToObj(AppIcons::image).toList();
    }
}
