package com.vproptrader.host.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** MT5's text form of a server time, "YYYY.MM.DD HH:MM:SS" (TimeToString / StringToTime). */
public final class ServerTimes {
    private static final DateTimeFormatter MT5 = DateTimeFormatter.ofPattern("uuuu.MM.dd HH:mm:ss");

    private ServerTimes() {
    }

    public static LocalDateTime parseLocal(String text) {
        try {
            return LocalDateTime.parse(text, MT5);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an MT5 server time \"YYYY.MM.DD HH:MM:SS\": '" + text + "'", e);
        }
    }

    public static Instant parse(String text, ServerClock server) {
        return server.toInstant(parseLocal(text));
    }

    public static String format(Instant instant, ServerClock server) {
        return MT5.format(server.toLocal(instant));
    }
}
