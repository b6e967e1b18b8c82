package io.camelprogress.component;

/** How the producer turns an exchange into the event's data. */
public enum PayloadMode {
    /** The body: a String as is, any other body as JSON. */
    body,
    /** A progress document {"stream","stage","percent","current","total","message"} built from headers. */
    progress
}
