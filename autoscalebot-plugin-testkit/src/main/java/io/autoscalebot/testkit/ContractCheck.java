package io.autoscalebot.testkit;

/** What {@link PluginContract} checks of a built plugin, in the order it checks them. */
public enum ContractCheck {
    /** The engine's own loader loads it: manifest, API range, module layer, providers. */
    LOADS,
    /** The plugin id and every component id are lower-case letters, digits and dashes, like {@code response-time}. */
    ID_FORMAT,
    /** Every setting has a doc text, which {@code plugins list} and the docs show. */
    SETTINGS_DOCUMENTED,
    /** A setting named like a credential ({@code token}, {@code password}, {@code secret}, {@code api_key}) is secret. */
    SECRETS_FLAGGED,
    /**
     * {@code validate} answers for the defaults, without throwing, and ties every problem it finds to a declared
     * setting (defaults may be incomplete when settings are one-of-several; then nothing is created with them).
     */
    VALIDATE_ON_DEFAULTS,
    /** With its defaults (when every required setting has one), the component is created and torn down. */
    CREATE_AND_TEARDOWN,
    /** A second {@code teardown} does not throw: the engine may tear an instance down twice on shutdown. */
    TEARDOWN_IDEMPOTENT,
    /** A call given a short deadline returns by it (plus a grace for a busy machine). */
    DEADLINE_HONOURED,
    /** No message the plugin hands the user (a failure, a setting problem) carries a stack trace. */
    NO_STACK_TRACES
}
