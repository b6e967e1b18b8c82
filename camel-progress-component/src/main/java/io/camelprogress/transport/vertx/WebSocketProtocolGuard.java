package io.camelprogress.transport.vertx;

import java.nio.charset.StandardCharsets;

import io.camelprogress.transport.WebSocketCloseCodes;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Fails a WebSocket connection the way RFC 6455 7.1.7 says: a close frame with the code of the
 * error, then the TCP close. Vert.x configures Netty's frame decoder not to close on a protocol
 * violation and answers the exception it throws with a bare TCP close, lets RSV bits through
 * whenever compression is supported (negotiated or not), does not check text for UTF-8, and
 * echoes close codes that no peer may send. The guard sits in the upgraded connection's pipeline
 * after the frame decoder and any extension decoders, just before Vert.x, so it sees frames as
 * Vert.x would (decompressed) and whatever the decoder threw. It works on a server the component
 * does not configure (platform-http) as on its own.
 */
final class WebSocketProtocolGuard extends ChannelDuplexHandler {

    /** A close frame's reason is at most 123 bytes. */
    private static final int MAX_REASON = 123;

    private ChannelHandlerContext context;
    private boolean closeSent;
    private boolean failed;

    /**
     * Puts the guard, a UTF-8 validator and the guard's second part before the handler of a
     * connection just upgraded, once: frame checks come before the UTF-8 check (a frame with
     * unexplained RSV bits is a protocol error, whatever its bytes), and the validator reports what
     * it finds by throwing, which the second part answers.
     *
     * @param vertxHandler the context of Vert.x's own handler in that connection's pipeline
     */
    static WebSocketProtocolGuard install(ChannelHandlerContext vertxHandler) {
        ChannelPipeline pipeline = vertxHandler.pipeline();
        WebSocketProtocolGuard guard = pipeline.get(WebSocketProtocolGuard.class);
        if (guard == null) {
            guard = new WebSocketProtocolGuard();
            pipeline.addBefore(vertxHandler.name(), "progressProtocolGuard", guard);
            pipeline.addBefore(vertxHandler.name(), "progressUtf8Validator", new Utf8FrameValidator(false));
            pipeline.addBefore(vertxHandler.name(), "progressUtf8Errors", guard.new ValidatorErrors());
        }
        return guard;
    }

    /** Fails the connection for a rule of the component's own (a message too big or too fast): close frame, then TCP close. */
    void failConnection(short code, String reason) {
        ChannelHandlerContext ctx = context;
        if (ctx.executor().inEventLoop()) {
            fail(ctx, code, reason);
        } else {
            ctx.executor().execute(() -> fail(ctx, code, reason));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    /** Answers the UTF-8 validator's errors, which come after the guard in the pipeline. */
    private final class ValidatorErrors extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (failed) {
                ReferenceCountUtil.release(msg);
            } else {
                ctx.fireChannelRead(msg);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!answered(ctx, cause)) {
                ctx.fireExceptionCaught(cause);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (failed) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof WebSocketFrame frame) {
            if (frame.rsv() != 0) {
                // the extension decoders before the guard clear the bits they explain
                ReferenceCountUtil.release(msg);
                fail(ctx, WebSocketCloseCodes.PROTOCOL_ERROR, "RSV bits " + frame.rsv() + " set, no extension negotiated explains them");
                return;
            }
            if (frame instanceof CloseWebSocketFrame close && close.content().readableBytes() >= 2) {
                int code = close.content().getUnsignedShort(close.content().readerIndex());
                if (!WebSocketCloseCodes.valid(code)) {
                    ReferenceCountUtil.release(msg);
                    fail(ctx, WebSocketCloseCodes.PROTOCOL_ERROR, "invalid close code " + code);
                    return;
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (!answered(ctx, cause)) {
            ctx.fireExceptionCaught(cause);
        }
    }

    /** Answers a frame decoder's or validator's error with its close code; false for any other exception. */
    private boolean answered(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            fail(ctx, (short) corrupted.closeStatus().code(), corrupted.getMessage());
            return true;
        }
        return false;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof CloseWebSocketFrame) {
            closeSent = true;
        }
        ctx.write(msg, promise);
    }

    private void fail(ChannelHandlerContext ctx, short code, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        if (closeSent || !ctx.channel().isActive()) {
            // a close frame went out already: only one may be sent
            ctx.close();
            return;
        }
        closeSent = true;
        // closed from here, below Vert.x, whose own close would wait for the peer's close frame
        ctx.writeAndFlush(new CloseWebSocketFrame(code, truncate(reason == null ? "" : reason))).addListener(f -> ctx.close());
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON) {
            return reason;
        }
        // at most 3 bytes per character of the basic plane: 41 characters fit
        return reason.substring(0, Math.min(reason.length(), MAX_REASON / 3));
    }
}
