package dev.cutpoint.drive.commands;

import java.util.List;

/** A command's fault-free run: its calls, what it printed, how long it took. */
public record CommandRecording(BrzCommand command, List<GateCall> calls, String stdout, long millis) {

  public CommandRecording {
    calls = List.copyOf(calls);
  }
}
