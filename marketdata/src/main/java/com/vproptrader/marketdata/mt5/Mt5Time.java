package com.vproptrader.marketdata.mt5;

/**
 * Parses MT5's export date ({@code 2024.01.02}) and time ({@code 00:00:00.123}, {@code 00:00:00} or
 * {@code 00:00}) into server-time ms. MT5 writes server wall-clock time, which is exactly what Tick.time_msc
 * holds, so there is no zone conversion: the fields are read as if they were UTC.
 */
final class Mt5Time {
    private static final long DAY_MS = 86_400_000L;

    private Mt5Time() {
    }

    static long parse(String date, String time) {
        if (date.length() < 10) {
            throw new IllegalArgumentException("bad MT5 date: " + date);
        }
        int year = Integer.parseInt(date.substring(0, 4));
        int month = Integer.parseInt(date.substring(5, 7));
        int day = Integer.parseInt(date.substring(8, 10));
        long ms = daysFromCivil(year, month, day) * DAY_MS;
        if (time != null && !time.isEmpty()) {
            ms += Integer.parseInt(time.substring(0, 2)) * 3_600_000L + Integer.parseInt(time.substring(3, 5)) * 60_000L;
            if (time.length() >= 8) {
                ms += Integer.parseInt(time.substring(6, 8)) * 1000L;
            }
            if (time.length() > 9) {
                ms += Integer.parseInt(time.substring(9));
            }
        }
        return ms;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, no allocation). */
    static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
