"""A gRPC client outside the JVM (Debian python3-grpcio, no generated code): named health checks and the
service list from reflection v1 and v1alpha, as grpc_health_probe and older grpcurl ask for them.

usage: python3 probe.py HOST:PORT SERVICE...
prints: "health SERVICE STATUS" per service, then "v1 NAME" and "v1alpha NAME" per listed service.
"""
import sys

import grpc

STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def read_varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if not b & 0x80:
            return value, i


def fields(buf):
    """(field number, value) of a protobuf message: ints for varints, bytes for length-delimited fields."""
    i = 0
    while i < len(buf):
        key, i = read_varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(buf, i)
        elif wire == 2:
            length, i = read_varint(buf, i)
            value, i = buf[i:i + length], i + length
        else:
            raise ValueError("unexpected wire type %d" % wire)
        yield number, value


def string_field(number, text):
    data = text.encode()
    return varint(number << 3 | 2) + varint(len(data)) + data


def health(channel, service):
    check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=lambda b: b,
                                response_deserializer=lambda b: b)
    try:
        reply = check(string_field(1, service), timeout=10)
    except grpc.RpcError as e:
        return e.code().name
    return STATUS.get(dict(fields(reply)).get(1, 0), "?")


def list_services(channel, version):
    info = channel.stream_stream("/grpc.reflection.%s.ServerReflection/ServerReflectionInfo" % version,
                                 request_serializer=lambda b: b, response_deserializer=lambda b: b)
    reply = next(iter(info(iter([string_field(7, "")]), timeout=10)))
    listing = dict(fields(reply))[6]  # list_services_response
    return [dict(fields(service))[1].decode() for number, service in fields(listing) if number == 1]


def main():
    target, services = sys.argv[1], sys.argv[2:]
    with grpc.insecure_channel(target) as channel:
        for service in services:
            print("health %s %s" % (service, health(channel, service)))
        for version in ("v1", "v1alpha"):
            for name in list_services(channel, version):
                print("%s %s" % (version, name))


if __name__ == "__main__":
    main()
