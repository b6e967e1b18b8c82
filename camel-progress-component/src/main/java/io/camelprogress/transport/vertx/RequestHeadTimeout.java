package io.camelprogress.transport.vertx;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Bounds how long a client may take to send a request's head (request line and headers) on an
 * HTTP/1.x connection of the component's own server: from the connection's start, and from the
 * first byte of each further request on it, until the head is decoded. A client that trickles its
 * head a byte at a time (each byte resets an idle timeout) gets 408 and is closed. Two handlers
 * around Vert.x's request decoder: one sees the bytes arrive, the other the decoded heads. Once the
 * connection is no longer HTTP (upgraded to a WebSocket), they take themselves out.
 */
final class RequestHeadTimeout {

    private static final byte[] TIMED_OUT = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 39\r\nConnection: close\r\n\r\nThe request head took too long to send\n").getBytes(StandardCharsets.US_ASCII);

    private final long millis;
    private ChannelHandlerContext bytes;
    private ChannelHandlerContext heads;
    private ScheduledFuture<?> timer;
    /** Whether bytes of a request have come and its head has yet to be decoded. */
    private boolean awaitingHead;
    /** Whether a decoded request's body is still coming in. */
    private boolean inRequest;

    private RequestHeadTimeout(long millis) {
        this.millis = millis;
    }

    /** Bounds the request heads of a connection that has just started; HTTP/2 connections are left as they are. */
    static void install(HttpConnection connection, long millis) {
        if (!(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
        ChannelHandlerContext decoder = pipeline.context(HttpRequestDecoder.class);
        if (decoder == null) {
            return;
        }
        RequestHeadTimeout timeout = new RequestHeadTimeout(millis);
        pipeline.addBefore(decoder.name(), "progressHeadBytes", timeout.new Bytes());
        pipeline.addAfter(decoder.name(), "progressHeadDecoded", timeout.new Heads());
        timeout.startTimer();
    }

    private void startTimer() {
        awaitingHead = true;
        timer = bytes.executor().schedule(this::expire, millis, TimeUnit.MILLISECONDS);
    }

    private void expire() {
        if (awaitingHead && bytes.channel().isActive()) {
            // below the decoder and encoder: the request never reached Vert.x, which has nothing to answer
            bytes.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(f -> bytes.close());
        }
    }

    private void headDecoded() {
        awaitingHead = false;
        inRequest = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void remove() {
        if (timer != null) {
            timer.cancel(false);
        }
        ChannelPipeline pipeline = bytes.pipeline();
        pipeline.remove(bytes.handler());
        pipeline.remove(heads.handler());
    }

    /** Before the decoder: the bytes of a new request start its clock. */
    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            bytes = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!awaitingHead && !inRequest && msg instanceof ByteBuf buf && buf.isReadable()) {
                if (ctx.pipeline().get(HttpRequestDecoder.class) == null) {
                    remove();
                } else {
                    startTimer();
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (timer != null) {
                timer.cancel(false);
            }
            ctx.fireChannelInactive();
        }
    }

    /** After the decoder: a decoded head stops the clock; the end of its body makes the connection wait for the next one. */
    private final class Heads extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            heads = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                headDecoded();
            }
            if (msg instanceof LastHttpContent) {
                inRequest = false;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
