package org.brainfx.app.workbench;

import java.time.LocalTime;

/**
 * One line of the workbench's message log.
 *
 * @param time  when it happened (local time)
 * @param error true for failures, which the log shows in the error colour
 * @param text  what happened, in the user's words
 */
public record LogEntry(LocalTime time, boolean error, String text) {
}
