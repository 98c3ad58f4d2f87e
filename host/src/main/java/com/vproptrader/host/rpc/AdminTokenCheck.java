package com.vproptrader.host.rpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Operator services (AdminService, LearningAdmin) answer only calls that carry {@code authorization: Bearer
 * <admin token>}; the terminal link has its own token in the hello, and health and reflection stay open for probes.
 * The comparison takes the same time whatever the first differing byte, and the refusal never echoes what was sent.
 */
public final class AdminTokenCheck implements ServerInterceptor {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private final byte[] expected;

    public AdminTokenCheck(String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("an empty admin token would let anyone in");
        }
        this.expected = ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                      ServerCallHandler<Q, A> next) {
        String got = headers.get(AUTHORIZATION);
        if (got == null || !MessageDigest.isEqual(expected, got.getBytes(StandardCharsets.US_ASCII))) {
            call.close(Status.UNAUTHENTICATED.withDescription(
                    "operator services need the header 'authorization: Bearer <admin token>'"), new Metadata());
            return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
    }
}
