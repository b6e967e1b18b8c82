package io.camelprogress.component;

/**
 * What a {@code payload=progress} exchange says about its work, read once: the sampler decides on
 * it, and only an event that goes out is written as JSON.
 *
 * @param stream  the full stream name
 * @param stage   the stage, or null
 * @param percent the percent done, clamped to 0..100 and rounded to a tenth; null when unknown
 * @param current items done, or null
 * @param total   items in all, or null
 * @param message a message for people, or null
 */
record ProgressReading(String stream, String stage, Double percent, Long current, Long total, String message) {
}
