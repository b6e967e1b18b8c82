package io.camelprogress.transport;

/**
 * What a consumer route answered to a POST.
 *
 * @param status      the HTTP status; 202 unless the route set {@code CamelHttpResponseCode}
 * @param body        the answer's body, or {@code null} for none
 * @param contentType its content type, or {@code null}
 */
public record UpstreamReply(int status, String body, String contentType) {
}
