package io.autoscalebot.plugin.local;

/**
 * One running copy of the command.
 *
 * @param index its INDEX, 0-based; its PORT is base_port + INDEX
 * @param sequence when it was started relative to the other copies, so the newest can be stopped first
 * @param process the operating system process
 */
record Copy(int index, long sequence, Process process) {

    /** @return {@code copy 1 (pid 4242)}, how logs and messages name a copy */
    String describe() {
        return "copy " + index + " (pid " + process.pid() + ")";
    }
}
