package com.vproptrader.host.macro.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one tokenizer of both scorers: lower case, split on anything but letters, digits and the apostrophe. */
public final class Tokens {
    private Tokens() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}']+")) {
            String token = t.replaceAll("^'+|'+$", "");
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }
}
