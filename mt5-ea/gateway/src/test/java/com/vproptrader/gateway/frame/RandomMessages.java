package com.vproptrader.gateway.frame;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.util.List;
import java.util.Random;

/**
 * Frames with every field drawn at random from the values that trouble a JSON mapping: NaN and infinities, -0.0,
 * subnormal and huge doubles, 64-bit integers past 2^53, unsigned values past 2^31, enum numbers no name has,
 * strings with quotes, controls, non-ASCII and surrogates; message fields set or not, arrays empty or not.
 */
final class RandomMessages {
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-5, 0.00001234, 100_000, 1e7, 1e-3, 9.999e-4,
        1.0851, 123_456_789.123, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e21, 1e22,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final long[] LONGS = {0, 1, -1, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE,
        1_704_153_600_123L, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL};
    private static final String[] STRINGS = {"", "EURUSD", "a\"b\\c", "line\nbreak\ttab\u0000nul\u001f", "ünï €", "\uD83D\uDCB0",
        "\uD800", "</script>", "'&<>=", "\u2028\u2029", " ", "null", "1.5", "NaN"};

    private RandomMessages() {
    }

    static TerminalEvent event(Random r) {
        TerminalEvent.Builder b = TerminalEvent.newBuilder().setSeq(r.nextInt(1_000_000));
        List<FieldDescriptor> members = TerminalEvent.getDescriptor().getOneofs().get(0).getFields();
        FieldDescriptor member = members.get(r.nextInt(members.size()));
        b.setField(member, fill(b.newBuilderForField(member), r, 0));
        return b.build();
    }

    static HostCommand command(Random r) {
        HostCommand.Builder b = HostCommand.newBuilder().setSeq(r.nextInt(1_000_000));
        List<FieldDescriptor> members = HostCommand.getDescriptor().getOneofs().get(0).getFields();
        FieldDescriptor member = members.get(r.nextInt(members.size()));
        b.setField(member, fill(b.newBuilderForField(member), r, 0));
        return b.build();
    }

    private static Message fill(Message.Builder b, Random r, int depth) {
        for (FieldDescriptor fd : b.getDescriptorForType().getFields()) {
            if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (depth > 3) {
                    continue;
                }
                int n = fd.isRepeated() ? r.nextInt(3) : r.nextInt(4) == 0 ? 0 : 1;
                for (int i = 0; i < n; i++) {
                    Message m = fill(b.newBuilderForField(fd), r, depth + 1);
                    if (fd.isRepeated()) {
                        b.addRepeatedField(fd, m);
                    } else {
                        b.setField(fd, m);
                    }
                }
            } else if (fd.isRepeated()) {
                for (int i = r.nextInt(3); i > 0; i--) {
                    b.addRepeatedField(fd, scalar(fd, r));
                }
            } else if (!fd.hasPresence() || r.nextBoolean()) {
                if (r.nextInt(5) > 0) {
                    b.setField(fd, scalar(fd, r));
                }
            }
        }
        return b.build();
    }

    private static Object scalar(FieldDescriptor fd, Random r) {
        return switch (fd.getJavaType()) {
            case DOUBLE -> r.nextBoolean() ? DOUBLES[r.nextInt(DOUBLES.length)]
                    : r.nextBoolean() ? Double.longBitsToDouble(r.nextLong())
                    : Math.round(r.nextGaussian() * 1e6) / Math.pow(10, r.nextInt(12));
            case FLOAT -> (float) (r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            case INT -> r.nextBoolean() ? r.nextInt() : (int) LONGS[r.nextInt(LONGS.length)];
            case LONG -> r.nextBoolean() ? r.nextLong() : LONGS[r.nextInt(LONGS.length)];
            case BOOLEAN -> r.nextBoolean();
            case STRING -> r.nextBoolean() ? STRINGS[r.nextInt(STRINGS.length)] : randomText(r);
            case BYTE_STRING -> ByteString.copyFrom(randomText(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case ENUM -> enumValue(fd.getEnumType(), r);
            case MESSAGE -> throw new IllegalArgumentException(fd.getFullName());
        };
    }

    private static Object enumValue(EnumDescriptor type, Random r) {
        return r.nextInt(5) == 0 ? type.findValueByNumberCreatingIfUnknown(1000 + r.nextInt(1000))
                : type.getValues().get(r.nextInt(type.getValues().size()));
    }

    private static String randomText(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            s.append((char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
        }
        return s.toString();
    }
}
