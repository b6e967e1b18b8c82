package io.camelprogress.transport.servlet;

import java.util.List;

import io.camelprogress.event.StreamItem;
import io.camelprogress.transport.EventStreamOutput;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;

/** An SSE response on the servlet host: each batch copied out of the shared event bytes into one write. */
final class ServletEventStream implements EventStreamOutput {

    private final ServletOutput output;

    ServletEventStream(ServletOutput output) {
        this.output = output;
    }

    @Override
    public void write(List<StreamItem> items) {
        int size = 0;
        for (int i = 0; i < items.size(); i++) {
            size += items.get(i).sseBytes().readableBytes();
        }
        byte[] batch = new byte[size];
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            ByteBuf part = items.get(i).sseBytes();
            // at the part's indices: it is shared by every subscriber
            part.getBytes(part.readerIndex(), batch, at, part.readableBytes());
            at += part.readableBytes();
        }
        output.write(batch);
    }

    @Override
    public void write(Buffer encoded) {
        output.write(encoded.getBytes());
    }

    @Override
    public boolean writeQueueFull() {
        return output.full();
    }

    @Override
    public void whenWritable(Runnable action) {
        output.whenWritable(action);
    }

    @Override
    public void end() {
        output.end();
    }

    @Override
    public void abort() {
        output.abort();
    }

    @Override
    public void onClosed(Runnable action) {
        output.onClosed(action);
    }
}
