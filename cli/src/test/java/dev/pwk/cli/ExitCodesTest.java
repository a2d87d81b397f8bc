package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pwk.release.ReleaseException.Kind;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ExitCodes maps each kind of release failure to the exit code the README lists")
class ExitCodesTest {
  /** "2: usage error, unreadable input or an unreachable cluster". */
  private static final Set<Kind> USAGE =
      EnumSet.of(Kind.INVALID_NAME, Kind.BAD_KUBECONFIG, Kind.UNREACHABLE, Kind.UNAUTHENTICATED);

  @ParameterizedTest
  @EnumSource(Kind.class)
  @DisplayName("2 for a bad name, kubeconfig or cluster; 1 for a failed operation")
  void exitCode(Kind kind) {
    assertEquals(USAGE.contains(kind) ? 2 : 1, ExitCodes.of(kind));
  }
}
