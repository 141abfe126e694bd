package io.autoscalebot.probe;

/**
 * One thing the probe times: a database query, a cache read, a disk write, whatever the app's requests wait on.
 * Returning is success; throwing is failure. Make it do what a real request does, small: {@code SELECT 1} through the
 * app's connection pool, not a new connection.
 */
@FunctionalInterface
public interface Check {

    /**
     * Does the work once. It runs on a thread of the probe's own and is interrupted when it overruns its timeout, so a
     * check that waits on something should give up when interrupted.
     *
     * @throws Exception when the work failed; the probe reports the exception's class, never its message (it could
     *     hold a password or a host name), and logs the exception for the app's own logs
     */
    void run() throws Exception;
}
