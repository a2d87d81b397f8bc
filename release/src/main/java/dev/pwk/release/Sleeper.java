package dev.pwk.release;

import java.time.Duration;

/** Waits between polls; tests replace it to advance a clock instead. */
@FunctionalInterface
interface Sleeper {
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
