package io.ticketing.support.persistence;

/**
 * Text from an event, made fit for its column. The edge refuses what does not fit, but events stored before a
 * limit existed (or composed from several parts) may still carry it, and a projection must not stall on them: a
 * NUL, which PostgreSQL cannot store, is dropped, and a value longer than its column is cut.
 */
public final class ColumnText {

    private static final String CUT = "…";

    private ColumnText() {}

    public static String fit(String value, int columnLength) {
        if (value == null) {
            return null;
        }
        String storable = value.indexOf('\0') < 0 ? value : value.replace("\0", "");
        if (storable.length() <= columnLength) {
            return storable;
        }
        int end = columnLength - CUT.length();
        if (Character.isHighSurrogate(storable.charAt(end - 1))) {
            end--;
        }
        return storable.substring(0, end) + CUT;
    }
}
