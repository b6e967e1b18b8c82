package io.camelprogress.examples.upload;

import java.util.Locale;

/** Byte counts as people read them. */
final class Sizes {

    private Sizes() {
    }

    static String text(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
