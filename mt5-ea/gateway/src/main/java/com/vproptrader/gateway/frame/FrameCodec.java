package com.vproptrader.gateway.frame;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Turns one NDJSON line into a protobuf message and back (mt5-ea/PROTOCOL.md).
 *
 * <p>A frame is {@code {"v":1,"type":T,"seq":N, ...fields}} where T is the name of the oneof member of
 * {@link TerminalEvent} (EA to gateway) or {@link HostCommand} (gateway to EA) and the other keys are
 * that member's proto3 JSON fields, flat. So a new oneof member in link.proto is a new frame type.
 *
 * <p>Decoding validates at the boundary and throws {@link FrameException} carrying the error code to
 * answer with. Encoding never fails for a message built through the generated API. Lines carry no
 * trailing newline. Thread-safe and stateless.
 *
 * <p>Each direction is one JSON pass: a line is parsed once into a tree that fills the protobuf builder directly
 * ({@link JsonToProto}), and a message is written field by field to the line ({@link ProtoToJson}); both follow
 * protobuf's JSON mapping with the frames' number rules.
 */
public final class FrameCodec {
    public static final int VERSION = 1;
    public static final String ERROR_TYPE = "error";
    private static final Set<String> ENVELOPE = Set.of("v", "type", "seq");

    // MQL5's DoubleToString writes "nan"/"inf" for bad doubles; read them so they get bad_value, not malformed.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final OneofDescriptor EVENT_ONEOF = TerminalEvent.getDescriptor().getOneofs().get(0);
    private static final OneofDescriptor COMMAND_ONEOF = HostCommand.getDescriptor().getOneofs().get(0);

    static {
        JsonToProto.check(TerminalEvent.getDescriptor());
        JsonToProto.check(HostCommand.getDescriptor());
    }

    /** EA to gateway: one line to the event it carries. */
    public TerminalEvent decodeEvent(String line) throws FrameException {
        Envelope env = envelope(line);
        FieldDescriptor member = member(EVENT_ONEOF, env, "EA");
        TerminalEvent.Builder b = TerminalEvent.newBuilder().setSeq(env.seq);
        b.setField(member, payload(env, b.newBuilderForField(member)));
        return b.build();
    }

    /** Gateway to EA: a host command as one line. */
    public String encodeCommand(HostCommand command) {
        FieldDescriptor member = command.getOneofFieldDescriptor(COMMAND_ONEOF);
        if (member == null) {
            throw new IllegalArgumentException("HostCommand has no command set");
        }
        return encode(member.getName(), command.getSeq(), (Message) command.getField(member));
    }

    /** EA side (terminal stand-in): an event as one line. */
    public String encodeEvent(TerminalEvent event) {
        FieldDescriptor member = event.getOneofFieldDescriptor(EVENT_ONEOF);
        if (member == null) {
            throw new IllegalArgumentException("TerminalEvent has no event set");
        }
        return encode(member.getName(), event.getSeq(), (Message) event.getField(member));
    }

    /** EA side (terminal stand-in): a line from the gateway, a host command or an error. */
    public ToEaFrame decodeToEa(String line) throws FrameException {
        Envelope env = envelope(line);
        if (ERROR_TYPE.equals(env.type)) {
            return errorFrame(env);
        }
        FieldDescriptor member = member(COMMAND_ONEOF, env, "gateway");
        HostCommand.Builder b = HostCommand.newBuilder().setSeq(env.seq);
        b.setField(member, payload(env, b.newBuilderForField(member)));
        return new CommandFrame(b.build());
    }

    /** EA side: a line that must be a host command (an error frame is a {@link FrameException} here). */
    public HostCommand decodeCommand(String line) throws FrameException {
        ToEaFrame f = decodeToEa(line);
        if (f instanceof CommandFrame c) {
            return c.command();
        }
        ErrorFrame e = (ErrorFrame) f;
        throw new FrameException(ErrorCode.UNKNOWN_TYPE, e.seq(), "error frame where a command was expected");
    }

    public String encodeError(ErrorFrame error) {
        return write(ERROR_TYPE, error.seq(), g -> {
            g.writeStringField("code", error.code().wire());
            g.writeStringField("message", error.message() == null ? "" : error.message());
            g.writeNumberField("refSeq", error.refSeq());
        });
    }

    private String encode(String type, long seq, Message payload) {
        return write(type, seq, g -> ProtoToJson.fields(payload, g));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** The envelope first ({@code v}, {@code type}, {@code seq}), then the body's fields, as one line. */
    private static String write(String type, long seq, Body body) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(line)) {
            g.writeStartObject();
            g.writeNumberField("v", VERSION);
            g.writeStringField("type", type);
            g.writeNumberField("seq", seq);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + type + " frame", e);
        }
        return line.toString();
    }

    private record Envelope(ObjectNode node, String type, long seq) {
    }

    /** Checks, in order: JSON object, seq, v, type. Each failure names the most useful code. */
    private static Envelope envelope(String line) throws FrameException {
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new FrameException(ErrorCode.MALFORMED, 0, "not JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new FrameException(ErrorCode.MALFORMED, 0, "a frame must be one JSON object");
        }
        JsonNode seqNode = obj.get("seq");
        long seq;
        if (seqNode != null && seqNode.canConvertToExactIntegral() && seqNode.canConvertToLong()) {
            seq = seqNode.asLong();
        } else if (seqNode != null && seqNode.isTextual() && seqNode.asText().matches("\\d{1,18}")) {
            seq = Long.parseLong(seqNode.asText());
        } else {
            throw new FrameException(ErrorCode.MALFORMED, 0, "seq missing or not an integer");
        }
        if (seq < 0) {
            throw new FrameException(ErrorCode.BAD_VALUE, seq, "seq must be >= 0");
        }
        JsonNode v = obj.get("v");
        if (v == null || !v.canConvertToExactIntegral() || v.asInt() != VERSION) {
            throw new FrameException(ErrorCode.BAD_VERSION, seq, "v must be " + VERSION + ", got " + v);
        }
        JsonNode type = obj.get("type");
        if (type == null || !type.isTextual()) {
            throw new FrameException(ErrorCode.MALFORMED, seq, "type missing or not a string");
        }
        return new Envelope(obj, type.asText(), seq);
    }

    private static FieldDescriptor member(OneofDescriptor oneof, Envelope env, String from)
            throws FrameException {
        for (FieldDescriptor fd : oneof.getFields()) {
            if (fd.getName().equals(env.type)) {
                return fd;
            }
        }
        throw new FrameException(ErrorCode.UNKNOWN_TYPE, env.seq,
                "type '" + env.type + "' is not a frame the " + from + " sends");
    }

    private Message payload(Envelope env, Message.Builder builder) throws FrameException {
        try {
            JsonToProto.merge(env.node, builder, ENVELOPE);
        } catch (JsonToProto.Bad e) {
            throw new FrameException(ErrorCode.BAD_VALUE, env.seq, env.type + ": " + e.getMessage());
        }
        Message m = builder.build();
        String problem = FrameValidator.problem(m);
        if (problem != null) {
            throw new FrameException(ErrorCode.BAD_VALUE, env.seq, env.type + ": " + problem);
        }
        return m;
    }

    private static ErrorFrame errorFrame(Envelope env) throws FrameException {
        JsonNode code = env.node.get("code");
        ErrorCode c = code == null ? null : ErrorCode.fromWire(code.asText()).orElse(null);
        if (c == null) {
            throw new FrameException(ErrorCode.BAD_VALUE, env.seq, "error frame with unknown code " + code);
        }
        JsonNode msg = env.node.get("message");
        JsonNode ref = env.node.get("refSeq");
        return new ErrorFrame(env.seq, c, msg == null ? "" : msg.asText(), ref == null ? 0 : ref.asLong());
    }
}
