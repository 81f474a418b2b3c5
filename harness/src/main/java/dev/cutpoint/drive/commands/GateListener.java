package dev.cutpoint.drive.commands;

import java.io.IOException;
import java.util.OptionalLong;

/** What the harness does at the gate plugin's events, on the thread that serves the gate. */
interface GateListener {

  /**
   * Before call {@code call} is sent.
   *
   * @param live the connection the call will use, empty when it will open one
   * @return whether the plugin must drop the idle connection first (so the call opens a fresh one)
   */
  boolean beforeCall(int call, String verb, OptionalLong live) throws IOException;

  /** Before the command opens connection {@code connection}. */
  void beforeConnect(long connection) throws IOException;

  /** Attempt {@code attempt} of call {@code call} has written its whole request, {@code bytes}. */
  default void requestWritten(int call, int attempt, long bytes) {}

  /** Call {@code done} has ended (the next call began, or the command exits). */
  void callEnded(GateCall done) throws IOException;

  /** Where the listener is, in words, for a harness error. */
  default String state() {
    return "no fault armed";
  }
}
