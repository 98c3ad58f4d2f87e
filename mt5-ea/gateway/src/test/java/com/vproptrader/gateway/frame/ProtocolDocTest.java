package com.vproptrader.gateway.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.OneofDescriptor;
import com.vproptrader.proto.HostCommand;
import com.vproptrader.proto.TerminalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * mt5-ea/PROTOCOL.md is a contract: every example frame in its ```json blocks must decode in the
 * direction of its section (§4 EA → gateway, §5 gateway → EA) and re-encode to the same line.
 */
class ProtocolDocTest {
    private final FrameCodec codec = new FrameCodec();

    private record Example(boolean fromEa, String line) {
    }

    @Test
    void everyExampleInProtocolMd_isACanonicalFrame_andEveryTypeHasOne() throws Exception {
        Path doc = Path.of("").toAbsolutePath().resolve("../PROTOCOL.md").normalize();
        List<Example> examples = examples(Files.readAllLines(doc));
        Set<String> eaTypes = new TreeSet<>();
        Set<String> gatewayTypes = new TreeSet<>();

        for (Example ex : examples) {
            if (ex.fromEa()) {
                TerminalEvent e = codec.decodeEvent(ex.line());
                assertThat(codec.encodeEvent(e)).as("not canonical").isEqualTo(ex.line());
                eaTypes.add(e.getEventCase().name().toLowerCase());
            } else {
                ToEaFrame f = codec.decodeToEa(ex.line());
                String again = f instanceof CommandFrame c ? codec.encodeCommand(c.command())
                        : codec.encodeError((ErrorFrame) f);
                assertThat(again).as("not canonical").isEqualTo(ex.line());
                gatewayTypes.add(f instanceof CommandFrame c ? c.command().getCommandCase().name().toLowerCase() : "error");
            }
        }

        assertThat(eaTypes).isEqualTo(names(TerminalEvent.getDescriptor().getOneofs().get(0)));
        Set<String> expected = names(HostCommand.getDescriptor().getOneofs().get(0));
        expected.add("error");
        assertThat(gatewayTypes).isEqualTo(expected);
    }

    private static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inJson = false;
        Boolean fromEa = null;
        for (String l : lines) {
            if (l.startsWith("## ")) {
                fromEa = l.startsWith("## 4.") ? Boolean.TRUE : l.startsWith("## 5.") ? Boolean.FALSE : null;
            } else if (l.startsWith("```")) {
                inJson = !inJson && l.equals("```json");
            } else if (inJson && !l.isBlank()) {
                assertThat(fromEa).as("json example outside sections 4 and 5: " + l).isNotNull();
                out.add(new Example(fromEa, l));
            }
        }
        return out;
    }

    private static Set<String> names(OneofDescriptor oneof) {
        Set<String> s = new TreeSet<>();
        oneof.getFields().forEach(f -> s.add(f.getName()));
        return s;
    }
}
