package com.vproptrader.gateway;

import com.vproptrader.gateway.frame.FrameException;
import com.vproptrader.gateway.frame.LineAssembler;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.socket.ChannelInputShutdownEvent;
import io.grpc.netty.shaded.io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One EA socket on the gateway's event loop, the thread that also carries the host's gRPC connection: an EA's line
 * is read, decoded and handed to its host stream on that thread, and a host command is encoded and written to the
 * EA there, so a tick → signal exchange wakes no other gateway thread. Nothing here blocks: what the socket
 * cannot take at once waits in the channel's outbound buffer, at most {@code capacity} lines, beyond which the EA
 * is a slow consumer.
 *
 * <p>As a pipeline handler it turns bytes into lines ({@link LineAssembler}) for its {@link EaConnection}; an
 * {@code IdleStateHandler} in front of it reports the EA's silence.
 */
final class EaLink extends ChannelInboundHandlerAdapter {
    private final Channel channel;
    private final LineAssembler lines;
    private final int capacity;
    private final AtomicInteger pending = new AtomicInteger();
    private final ChannelFutureListener afterWrite;
    private volatile boolean finishing;
    private EaConnection connection;

    /**
     * @param capacity  lines that may wait for the EA before it counts as a slow consumer
     * @param onWritten runs after each line is written (statistics)
     */
    EaLink(Channel channel, int maxLineBytes, int capacity, Runnable onWritten) {
        this.channel = channel;
        this.lines = new LineAssembler(maxLineBytes);
        this.capacity = capacity;
        this.afterWrite = f -> {
            pending.decrementAndGet();
            if (f.isSuccess()) {
                onWritten.run();
            } else {
                channel.close(); // the peer went away: channelInactive ends the connection
            }
        };
    }

    /** Lines read from now on go to {@code c}; called on the event loop before the first read. */
    void start(EaConnection c) {
        connection = c;
    }

    /**
     * Sends one line (without its newline) from any thread; on the event loop it is written at once.
     *
     * @return false when {@code capacity} lines already wait for the EA
     */
    boolean offer(String line) {
        if (finishing) {
            return true; // the connection is ending: nothing left to deliver to
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            return false;
        }
        ByteBuf bytes = Unpooled.wrappedBuffer((line + "\n").getBytes(StandardCharsets.UTF_8));
        channel.writeAndFlush(bytes).addListener(afterWrite);
        return true;
    }

    /** Lines already taken are still written, then the socket is closed. */
    void finish() {
        finishing = true;
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes the socket now. Idempotent. */
    void close() {
        channel.close();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            var in = bytes.nioBuffer();
            while (in.hasRemaining()) {
                try {
                    String line = lines.next(in);
                    if (line != null) {
                        connection.onLine(line);
                    }
                } catch (FrameException e) {
                    connection.onBadLine(e);
                }
            }
        } finally {
            bytes.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            connection.onSilence();
        } else if (event instanceof ChannelInputShutdownEvent) {
            ended(); // the EA closed its side: what is queued for it is still written (finish)
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        connection.onBroken(cause);
    }

    private void ended() {
        try {
            String last = lines.end();
            if (last != null) {
                connection.onLine(last);
            }
        } catch (FrameException e) {
            connection.onBadLine(e);
        }
        connection.close();
    }
}
