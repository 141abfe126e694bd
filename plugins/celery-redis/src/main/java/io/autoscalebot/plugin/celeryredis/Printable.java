package io.autoscalebot.plugin.celeryredis;

/**
 * Makes text from Redis safe to show: kombu's priority keys contain control characters that would otherwise vanish
 * from a terminal or a chat message.
 */
final class Printable {

    private Printable() {
    }

    /**
     * @param text any text
     * @return the text with each control character written as {@code \xNN}, like Python prints it
     */
    static String of(String text) {
        StringBuilder printable = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\x%02x", (int) c));
            } else {
                printable.append(c);
            }
        }
        return printable.toString();
    }
}
