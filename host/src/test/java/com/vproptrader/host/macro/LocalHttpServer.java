package com.vproptrader.host.macro;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback standing in for a remote API or feed: answers queued per path prefix, served in
 * order (the last one repeats), every request URI recorded.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** One canned answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer ok(String contentType, String body) {
            return new Answer(200, contentType, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();

    public LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI());
            Answer a = next(exchange.getRequestURI());
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** Queues answers for requests whose path and query start with {@code prefix}. */
    public LocalHttpServer answer(String prefix, Answer... queued) {
        answers.computeIfAbsent(prefix, p -> new ArrayDeque<>()).addAll(List.of(queued));
        return this;
    }

    private synchronized Answer next(URI uri) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String best = null;
        for (String prefix : answers.keySet()) {
            if (target.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return new Answer(404, "text/plain", "no answer for " + target, Map.of());
        }
        Deque<Answer> queue = answers.get(best);
        return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<URI> requests() {
        return List.copyOf(requests);
    }

    public static String resource(String name) {
        try (InputStream in = LocalHttpServer.class.getResourceAsStream("/macro/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
