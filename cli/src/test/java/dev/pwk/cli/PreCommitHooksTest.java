package dev.pwk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The hooks of {@code .pre-commit-hooks.yaml}, run as pre-commit runs them. */
@DisplayName(".pre-commit-hooks.yaml")
class PreCommitHooksTest {
  private static final Path HOOKS = Path.of("../.pre-commit-hooks.yaml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> hook(String id) throws Exception {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    List<Map<String, Object>> hooks =
        (List<Map<String, Object>>) yaml.load(Files.readString(HOOKS, StandardCharsets.UTF_8));
    return hooks.stream().filter(h -> id.equals(h.get("id"))).findFirst().orElseThrow();
  }

  /** Runs a hook's entry on files, as pre-commit does: the entry's words, then the file names. */
  private static CliRun run(Map<String, Object> hook, Path... files) {
    List<String> args = new ArrayList<>(List.of(hook.get("entry").toString().split(" ")));
    assertEquals("pwk", args.remove(0));
    for (Path f : files) {
      args.add(f.toString());
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  @DisplayName(
      "pwk-migrate-check fails on a values file of an older layout and passes a current one")
  void migrateCheck(@TempDir Path dir) throws Exception {
    Map<String, Object> hook = hook("pwk-migrate-check");
    Pattern files = Pattern.compile(hook.get("files").toString());
    assertTrue(files.matcher("deploy/worker-values.yaml").find());
    assertTrue(files.matcher("values.yml").find());
    assertTrue(!files.matcher("deploy/Chart.yaml").find());

    Path old = dir.resolve("values.yaml");
    Files.writeString(old, "worker:\n  apiConfig: server\n  serverApiConfig:\n    apiUrl: x\n");
    Path current = dir.resolve("worker-values.yaml");
    Files.writeString(current, "worker:\n  apiConfig: cloud\n");

    CliRun failing = run(hook, current, old);
    assertEquals(1, failing.exitCode(), failing.toString());
    assertTrue(failing.err().contains("pwk migrate --write " + old), failing.err());
    assertEquals(0, run(hook, current).exitCode());
  }
}
