package com.vproptrader.gateway;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.IoHandlerFactory;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.ServerChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's one event loop thread (netty, as gRPC ships it), which serves the EA sockets and the host's gRPC
 * connection alike: epoll where the platform has it, as gRPC itself would choose, else Java NIO. One thread is
 * enough for the few EAs of one gateway (a frame costs it a few microseconds) and it saves a thread hand-off each
 * way on every frame.
 */
record IoLoop(EventLoopGroup group, Class<? extends ServerChannel> serverType,
              Class<? extends io.grpc.netty.shaded.io.netty.channel.Channel> socketType) {

    static IoLoop start() {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, "gateway-io");
            t.setDaemon(true);
            return t;
        }, io);
        return epoll ? new IoLoop(group, EpollServerSocketChannel.class, EpollSocketChannel.class)
                : new IoLoop(group, NioServerSocketChannel.class, NioSocketChannel.class);
    }

    /** After every channel on it is closed. */
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
