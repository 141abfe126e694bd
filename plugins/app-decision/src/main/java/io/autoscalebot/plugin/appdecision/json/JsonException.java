package io.autoscalebot.plugin.appdecision.json;

/**
 * A document that is not JSON, or that has nothing of the expected kind where a pointer leads. The message says what
 * and where, for users.
 */
public class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public JsonException(String message) {
        super(message);
    }
}
