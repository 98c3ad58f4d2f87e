package com.vproptrader.gateway;

import java.nio.file.Path;

/**
 * Where the gateway speaks TLS; each side is off when its files are null.
 *
 * @param eaCert certificate chain (PEM) the EA port presents; with {@code eaKey}, the EA port speaks TLS
 * @param eaKey  its unencrypted PKCS#8 private key (PEM)
 * @param hostCa certificates (PEM) that the host's gRPC certificate must chain to; given, the host link is TLS
 */
public record GatewayTls(Path eaCert, Path eaKey, Path hostCa) {
    public static final GatewayTls NONE = new GatewayTls(null, null, null);

    public GatewayTls {
        if ((eaCert == null) != (eaKey == null)) {
            throw new IllegalArgumentException("TLS on the EA port needs both a certificate and its key");
        }
    }
}
