package dev.pwk.release;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task every so often, off the caller's thread, until cancelled; tests run it by hand. */
interface Renewals {
  /**
   * Starts running {@code task} every {@code period}, the first time one period from now.
   *
   * @return stops it without waiting for a run in progress
   */
  Runnable every(Duration period, Runnable task);

  /** On a daemon thread of its own, so that a forgotten lease never keeps the JVM alive. */
  Renewals DAEMON =
      (period, task) -> {
        ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "pwk-lease");
                  t.setDaemon(true);
                  return t;
                });
        long millis = period.toMillis();
        executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return executor::shutdown;
      };
}
