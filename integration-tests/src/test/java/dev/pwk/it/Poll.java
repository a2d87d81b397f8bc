package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition on the cluster with a bounded deadline. Controllers and the scheduler act
 * asynchronously, so every wait in these tests goes through here: it polls, and on timeout fails
 * the test with what it was waiting for and the last state it saw.
 */
final class Poll {
  private static final Duration INTERVAL = Duration.ofMillis(200);

  private Poll() {}

  /**
   * Polls {@code probe} until {@code done} accepts its value, and returns that value.
   *
   * @param timeout the deadline
   * @param what what is awaited, for the failure message ("Deployment x available")
   * @param probe reads the current state; an exception from it fails the test at once
   * @param done true when the state is the awaited one
   * @param describe the state in the failure message
   */
  static <T> T until(
      Duration timeout,
      String what,
      Supplier<T> probe,
      Predicate<? super T> done,
      Function<? super T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() - deadline >= 0) {
        return fail(
            "timed out after "
                + timeout.toSeconds()
                + " s waiting for "
                + what
                + "; last seen: "
                + describe.apply(value));
      }
      pause();
    }
  }

  /** {@link #until} with the value's {@code toString} as its description. */
  static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
    return until(timeout, what, probe, done, String::valueOf);
  }

  /**
   * Polls {@code condition} until it holds or the deadline passes, for waits whose timeout is not a
   * test failure (cleaning up).
   *
   * @return whether the condition held in time
   */
  static boolean within(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      pause();
    }
    return true;
  }

  private static void pause() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
