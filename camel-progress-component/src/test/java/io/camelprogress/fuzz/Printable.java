package io.camelprogress.fuzz;

/** Shows bytes as text a report can hold: printable ASCII as is, the rest escaped. */
final class Printable {

    private Printable() {
    }

    static String of(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, max); i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\\' -> text.append("\\\\");
                default -> text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
            }
        }
        return bytes.length > max ? text + "... (" + bytes.length + " bytes)" : text.toString();
    }
}
