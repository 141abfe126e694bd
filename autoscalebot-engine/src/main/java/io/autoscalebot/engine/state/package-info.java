/**
 * What the engine remembers per group across restarts (the last scale, recent scales for the too-rapid window, the
 * conditions already told), and stores that write it so a crash mid-write loses nothing already recorded.
 */
package io.autoscalebot.engine.state;
