package com.vproptrader.marketdata.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link ValidationConfig} from JSON; every field is optional (the default stands), an unknown field is
 * refused by name so a typo cannot silently keep a default:
 * <pre>{@code
 * {"jumpSigmas": 12, "minJumpReturn": 0.002, "jumpVarianceHalfLife": 500, "jumpWarmupTicks": 50,
 *  "maxConsecutiveJumps": 3,
 *  "symbols": {"BTCUSD": {"jumpSigmas": 30, "minJumpReturn": 0.08}}}
 * }</pre>
 */
public final class ValidationConfigFile {
    private static final Set<String> TOP = Set.of("jumpSigmas", "minJumpReturn", "jumpVarianceHalfLife",
            "jumpWarmupTicks", "maxConsecutiveJumps", "symbols");
    private static final Set<String> PER_SYMBOL = Set.of("jumpSigmas", "minJumpReturn");

    private ValidationConfigFile() {
    }

    public static ValidationConfig load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static ValidationConfig parse(String json, String where) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": validation config must be a JSON object");
        }
        refuseUnknown(root, TOP, where);
        ValidationConfig d = ValidationConfig.defaults();
        double sigmas = number(root, "jumpSigmas", d.jumpSigmas(), where);
        double minJump = number(root, "minJumpReturn", d.minJumpLogReturn(), where);
        Map<String, ValidationConfig.JumpLimit> symbols = new HashMap<>();
        JsonNode perSymbol = root.path("symbols");
        for (Iterator<Map.Entry<String, JsonNode>> it = perSymbol.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ": symbols." + e.getKey();
            refuseUnknown(e.getValue(), PER_SYMBOL, at);
            symbols.put(e.getKey(), new ValidationConfig.JumpLimit(number(e.getValue(), "jumpSigmas", sigmas, at),
                    number(e.getValue(), "minJumpReturn", minJump, at)));
        }
        return new ValidationConfig(sigmas, (int) number(root, "jumpVarianceHalfLife", d.jumpVarianceHalfLife(), where),
                (int) number(root, "jumpWarmupTicks", d.jumpWarmupTicks(), where), minJump,
                (int) number(root, "maxConsecutiveJumps", d.maxConsecutiveJumps(), where), symbols);
    }

    private static void refuseUnknown(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "' (known: " + known + ")");
            }
        });
    }

    private static double number(JsonNode node, String field, double otherwise, String where) {
        JsonNode v = node.get(field);
        if (v == null) {
            return otherwise;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a number, not " + v);
        }
        return v.asDouble();
    }
}
