package io.camelprogress.testing;

/**
 * Marks a test of what only the Vert.x host does (how it writes below Vert.x's encoders,
 * platform-http): a module that runs the black-box tests against another {@link HostUnderTest}
 * excludes this tag.
 */
public final class VertxHost {

    /** The JUnit tag. */
    public static final String TAG = "vertx-host";

    private VertxHost() {
    }
}
