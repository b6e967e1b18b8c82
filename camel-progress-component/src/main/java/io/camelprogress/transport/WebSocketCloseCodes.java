package io.camelprogress.transport;

/** The RFC 6455 close codes the server sends, and which codes a peer may send. */
public final class WebSocketCloseCodes {

    public static final short NORMAL = 1000;
    public static final short GOING_AWAY = 1001;
    public static final short PROTOCOL_ERROR = 1002;
    public static final short UNSUPPORTED_DATA = 1003;
    public static final short INVALID_PAYLOAD = 1007;
    public static final short POLICY_VIOLATION = 1008;
    public static final short TOO_BIG = 1009;
    public static final short TRY_AGAIN_LATER = 1013;

    private WebSocketCloseCodes() {
    }

    /**
     * Whether a close frame may carry the code (RFC 6455 7.4, and the IANA registry for 1012 to
     * 1014): 1000 to 1003, 1007 to 1014, and 3000 to 4999 for libraries and applications. 1004 is
     * reserved, 1005, 1006 and 1015 must never be sent, the rest are unassigned or out of range.
     */
    public static boolean valid(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }
}
