package com.vproptrader.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.CaseFormat;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass codec against the library's mapping it replaced ({@link JsonFormatReference}): the same line for
 * every message, and for every line the same verdict: the same payload, or a refusal with the same error code.
 * Lines come from random frames ({@link RandomMessages}) whose JSON trees are then edited where mappings differ:
 * numbers as strings, fractions and exponents in integers, values of the wrong JSON type, nulls, out-of-range
 * numbers, proto names beside JSON names, unknown keys and enum names.
 */
class OnePassCodecTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String[] ODD_VALUES = {"\"5\"", "\"5.0\"", "5.0", "5e0", "1e2", "1.5", "-1", "0", "\"abc\"", "\"\"",
        "true", "\"true\"", "\"false\"", "null", "[]", "[1]", "[null]", "[\"x\"]", "{}", "{\"a\":1}", "4294967296",
        "4294967295", "2147483648", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e309",
        "\"1e400\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "12345678901234567890123", "\"BUY\"", "\"SELL\"",
        "\"HEDGING\"", "\"M1\"", "\"TRADE_MODE_FULL\"", "\"NOPE\"", "2", "\"2\"", "0.1", "\" 5\"", "\"+5\"", "\"0x10\"",
        "-0", "\"-0\"", "1.0E-5", "\"1e2\"", "[{}]", "[1,2]", "\"AAEC\"", "1e-400"};
    private final FrameCodec codec = new FrameCodec();
    private final JsonFormatReference reference = new JsonFormatReference();

    @Property(tries = 500)
    void everyEaFrame_isWrittenAsTheLibraryMappingWritesIt(@ForAll("events") TerminalEvent event) throws Exception {
        FieldDescriptor member = event.getOneofFieldDescriptor(TerminalEvent.getDescriptor().getOneofs().get(0));
        assertThat(codec.encodeEvent(event))
                .isEqualTo(expectedLine(event.getSeq(), member.getName(), (Message) event.getField(member)));
    }

    @Property(tries = 500)
    void everyHostCommand_isWrittenAsTheLibraryMappingWritesIt(@ForAll("commands") HostCommand command)
            throws Exception {
        FieldDescriptor member = command.getOneofFieldDescriptor(HostCommand.getDescriptor().getOneofs().get(0));
        assertThat(codec.encodeCommand(command))
                .isEqualTo(expectedLine(command.getSeq(), member.getName(), (Message) command.getField(member)));
    }

    @Property(tries = 1000)
    void anEditedEaLine_getsTheLibraryMappingsVerdict(@ForAll("editedEaLines") String line) throws Exception {
        TerminalEvent decoded;
        try {
            decoded = codec.decodeEvent(line);
        } catch (FrameException e) {
            assertThat(referenceVerdict(line)).as("%s refused with %s", line, e.getMessage())
                    .satisfiesAnyOf(v -> assertThat(v).isNull(),
                            v -> assertThat(e.getMessage()).contains("a value expected, got ["));
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_VALUE);
            return;
        }
        Message expected = referenceVerdict(line);
        assertThat(expected).as(line).isNotNull();
        assertThat((Message) decoded.getField(decoded.getOneofFieldDescriptor(
                TerminalEvent.getDescriptor().getOneofs().get(0))))
                .isEqualTo(expected);
    }

    @Example
    void aOneElementArrayWhereANumberBelongs_isRefused_whereTheLibraryTookTheElement() throws Exception {
        String line = "{\"v\":1,\"type\":\"tick\",\"seq\":3,\"symbol\":\"EURUSD\",\"timeMsc\":1,\"bid\":[1.1],\"ask\":1.2}";
        assertThat(referenceVerdict(line)).isNotNull();
        assertThatThrownBy(() -> codec.decodeEvent(line)).isInstanceOfSatisfying(FrameException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_VALUE);
            assertThat(e.getMessage()).isEqualTo("tick: bid: a value expected, got [1.1]");
        });
    }

    @Example
    void aWrongTypeOrAFieldGivenTwice_namesTheField() {
        assertThatThrownBy(() -> codec.decodeEvent("{\"v\":1,\"type\":\"tick\",\"seq\":4,\"symbol\":\"EURUSD\","
                + "\"time_msc\":1,\"timeMsc\":2,\"bid\":1.1,\"ask\":1.2}"))
                .hasMessage("tick: timeMsc is given twice");
        assertThatThrownBy(() -> codec.decodeEvent("{\"v\":1,\"type\":\"hello\",\"seq\":5,\"accountId\":\"1\","
                + "\"account\":[]}"))
                .hasMessage("hello: account: an object expected, got []");
        assertThatThrownBy(() -> codec.decodeEvent("{\"v\":1,\"type\":\"bar\",\"seq\":6,\"symbol\":\"EURUSD\","
                + "\"tickVolume\":1.5}"))
                .hasMessage("bar: tickVolume: not a 64-bit integer: 1.5");
    }

    /** The payload as the library maps it, or null when it (or the boundary checks after it) refuses the line. */
    private static Message referenceVerdict(String line) throws Exception {
        JsonNode tree = JSON.readTree(line);
        FieldDescriptor member = TerminalEvent.getDescriptor().findFieldByName(tree.get("type").asText());
        Message m;
        try {
            m = new JsonFormatReference().payload(line, TerminalEvent.newBuilder().newBuilderForField(member));
        } catch (Exception e) {
            return null;
        }
        return FrameValidator.problem(m) == null ? m : null;
    }

    private String expectedLine(long seq, String type, Message payload) throws Exception {
        String fields = reference.fields(payload);
        String body = fields.substring(1, fields.length() - 1);
        return "{\"v\":1,\"type\":\"" + type + "\",\"seq\":" + seq + (body.isEmpty() ? "" : "," + body) + "}";
    }

    @Provide
    Arbitrary<TerminalEvent> events() {
        return Arbitraries.randomValue(RandomMessages::event);
    }

    @Provide
    Arbitrary<HostCommand> commands() {
        return Arbitraries.randomValue(RandomMessages::command);
    }

    @Provide
    Arbitrary<String> editedEaLines() {
        return Arbitraries.randomValue(r -> {
            TerminalEvent e = RandomMessages.event(r);
            try {
                ObjectNode frame = (ObjectNode) JSON.readTree(codec.encodeEvent(e));
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    edit(frame, r);
                }
                return JSON.writeValueAsString(frame);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /** One edit somewhere in the payload (never the envelope, which both sides read the same way). */
    private static void edit(ObjectNode frame, Random r) throws Exception {
        List<ObjectNode> objects = new ArrayList<>();
        collect(frame, objects);
        ObjectNode target = objects.get(r.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        target.fieldNames().forEachRemaining(k -> {
            if (target != frame || !List.of("v", "type", "seq").contains(k)) {
                keys.add(k);
            }
        });
        if (keys.isEmpty()) {
            target.put("unknownField", 1);
            return;
        }
        String key = keys.get(r.nextInt(keys.size()));
        JsonNode odd = JSON.readTree(ODD_VALUES[r.nextInt(ODD_VALUES.length)]);
        String protoName = CaseFormat.LOWER_CAMEL.to(CaseFormat.LOWER_UNDERSCORE, key);
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                if (target.get(key) instanceof ArrayNode a && !a.isEmpty()) {
                    a.set(r.nextInt(a.size()), odd);
                } else {
                    target.set(key, odd);
                }
            }
            case 2 -> {
                JsonNode v = target.remove(key);
                target.set(protoName, v);
            }
            case 3 -> target.set(protoName, r.nextBoolean() ? odd : target.get(key).deepCopy());
            case 4 -> target.remove(key);
            default -> target.set("future_" + key, odd);
        }
    }

    private static void collect(JsonNode n, List<ObjectNode> into) {
        if (n instanceof ObjectNode o) {
            into.add(o);
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                collect(e.getValue(), into);
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(el -> collect(el, into));
        }
    }
}
