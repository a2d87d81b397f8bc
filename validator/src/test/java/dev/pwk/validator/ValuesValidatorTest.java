package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pwk.kube.Release;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.Severity;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValuesException;
import dev.pwk.values.ValuesLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesValidatorTest {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();

  @TempDir Path tmp;

  private Path file(String name, String yaml) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private Path base() throws Exception {
    return file(
        "base.yaml",
        "worker:\n  config:\n    workPool: pool\n"
            + "  cloudApiConfig:\n    accountId: acc\n    workspaceId: ws\n");
  }

  private static List<Finding> only(List<Finding> findings, String ruleId) {
    return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  @Test
  @DisplayName("a negative worker.config.limit is a warning: Helm renders it, the API accepts it")
  void negativeLimitWarns() throws Exception {
    Path values = file("limit.yaml", "worker:\n  config:\n    limit: -1\n");
    List<Finding> found =
        VALIDATOR.validate(LOADER.load(ValueInputs.ofFiles(base(), values)), LintMode.FULL);
    List<Finding> limit = only(found, WorkerConfigRules.LIMIT_NOT_POSITIVE);
    assertEquals(1, limit.size(), found::toString);
    assertEquals(Severity.WARNING, limit.get(0).severity());
    assertEquals(3, limit.get(0).line());
    assertTrue(found.stream().noneMatch(f -> f.severity() == Severity.ERROR), found::toString);
  }

  @Nested
  @DisplayName("unknown top-level keys")
  class TopLevel {
    private static final String TYPOS =
        "serviceAcount: {create: false}\nworkers: {replicaCount: 2}\n"
            + "extraEnvVars: [{name: A, value: b}]\nbaseJobTemplate: {configuration: x}\n"
            + "image: {prefectTag: 3.8.3}\numbrellaSettings: {}\nglobal: {}\nenabled: true\n";

    @Test
    @DisplayName("warn with the nearest known path anywhere in the values")
    void suggestions() throws Exception {
      List<Finding> found =
          only(
              VALIDATOR.validate(
                  LOADER.load(ValueInputs.ofFiles(base(), file("typos.yaml", TYPOS))),
                  LintMode.FULL),
              TopLevelKeys.UNKNOWN);
      assertEquals(
          List.of(
              "serviceAcount -> 'serviceAccount'?",
              "workers -> 'worker'?",
              "extraEnvVars -> 'worker.extraEnvVars'?",
              "baseJobTemplate -> 'worker.config.baseJobTemplate'?",
              "image -> 'worker.image'?",
              "umbrellaSettings -> allow it with --allow-key umbrellaSettings"),
          found.stream()
              .map(
                  f -> {
                    String m = f.message();
                    String tail =
                        m.contains("did you mean ")
                            ? m.substring(m.indexOf("did you mean ") + 13)
                            : m.substring(m.indexOf("allow it"));
                    return f.path().substring(1) + " -> " + tail;
                  })
              .toList());
      for (Finding f : found) {
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(1, f.column(), f::toString);
      }
    }

    @Test
    @DisplayName("keys allowed by the caller are accepted, in overlays too")
    void allowed() throws Exception {
      ValueInputs in = ValueInputs.ofFiles(file("typos.yaml", TYPOS));
      List<Finding> partial = VALIDATOR.validate(LOADER.loadWithoutDefaults(in), LintMode.PARTIAL);
      assertEquals(6, only(partial, TopLevelKeys.UNKNOWN).size(), partial.toString());
      List<Finding> allowed =
          VALIDATOR
              .allowingTopLevelKeys(List.of("umbrellaSettings", "workers"))
              .validate(LOADER.loadWithoutDefaults(in), LintMode.PARTIAL);
      assertEquals(
          List.of("/serviceAcount", "/extraEnvVars", "/baseJobTemplate", "/image"),
          only(allowed, TopLevelKeys.UNKNOWN).stream().map(Finding::path).toList());
    }
  }

  @Nested
  @DisplayName("values from flags")
  class Flags {
    @Test
    @DisplayName("a --set value is located at its flag")
    void namesTheFlag() throws Exception {
      LoadedValues v =
          LOADER.load(ValueInputs.builder().file(base()).set("worker.replicaCount=three").build());
      Finding f = only(VALIDATOR.validate(v, LintMode.FULL), SchemaCheck.TYPE).get(0);
      assertEquals("--set #1 (worker.replicaCount=three)", f.file());
      assertEquals(-1, f.line());
      assertEquals("/worker/replicaCount", f.path());
      assertEquals("worker.replicaCount must be an integer, got string \"three\"", f.message());
    }

    @Test
    @DisplayName("a number typed by --set where text is expected suggests --set-string")
    void suggestsSetString() throws Exception {
      LoadedValues v =
          LOADER.load(ValueInputs.builder().file(base()).set("worker.clusterUid=12345").build());
      Finding f = only(VALIDATOR.validate(v, LintMode.FULL), SchemaCheck.TYPE).get(0);
      assertTrue(f.message().startsWith("worker.clusterUid must be a string, got integer 12345"));
      assertTrue(f.message().contains("--set-string"), f.message());
    }

    @Test
    @DisplayName("a secret set by a flag is kept out of the finding")
    void redactsSecretFlags() throws Exception {
      LoadedValues v =
          LOADER.load(
              ValueInputs.builder()
                  .file(base())
                  .set("worker.selfHostedServerApiConfig.basicAuth.authString=987654321")
                  .build());
      List<Finding> findings = VALIDATOR.validate(v, LintMode.FULL);
      Finding f = only(findings, SchemaCheck.TYPE).get(0);
      assertFalse(f.toString().contains("987654321"), f.toString());
      assertTrue(f.message().contains(Secrets.REDACTED), f.message());
      assertTrue(f.file().contains(Secrets.REDACTED), f.file());
    }

    @Test
    @DisplayName("a setting whose name merely contains a secret word is shown as it is")
    void keepsSettings() throws Exception {
      LoadedValues v =
          LOADER.load(
              ValueInputs.builder()
                  .file(base())
                  .set("worker.cloudApiConfig.jobApiKeyPropagation=sometimes")
                  .set("worker.selfHostedServerApiConfig.basicAuth.authString=abc,x=1")
                  .build());
      List<Finding> findings = VALIDATOR.validate(v, LintMode.FULL);
      Finding enumFinding =
          findings.stream()
              .filter(f -> f.path().equals("/worker/cloudApiConfig/jobApiKeyPropagation"))
              .findFirst()
              .orElseThrow();
      assertTrue(
          enumFinding.file().contains("(worker.cloudApiConfig.jobApiKeyPropagation=sometimes)"),
          enumFinding.file());
      assertTrue(
          findings.stream().noneMatch(f -> f.toString().contains("abc")), findings::toString);
    }
  }

  @Test
  @DisplayName("a secret written in a file is never shown")
  void redactsSecretValues() throws Exception {
    Path values =
        file(
            "values.yaml",
            "worker:\n"
                + "  selfHostedServerApiConfig:\n"
                + "    basicAuth:\n"
                + "      authString: 4242424242\n");
    List<Finding> findings =
        VALIDATOR.validate(LOADER.load(ValueInputs.ofFiles(base(), values)), LintMode.FULL);
    assertEquals(1, findings.size(), findings.toString());
    assertFalse(findings.get(0).toString().contains("4242424242"));
  }

  @Test
  @DisplayName("generated names use the given release, and release-name by default")
  void releaseName() throws Exception {
    Path values = file("values.yaml", "fullnameOverride: \"\"\nnameOverride: Bad_Name\n");
    LoadedValues v = LOADER.load(ValueInputs.ofFiles(base(), values));
    Finding byDefault =
        only(VALIDATOR.validate(v, LintMode.FULL), NameRules.GENERATED_INVALID).get(0);
    assertTrue(byDefault.message().contains("'release-name-Bad_Name'"), byDefault.message());
    Finding demo =
        only(
                VALIDATOR.validate(v, LintMode.FULL, new Release("demo", "ns")),
                NameRules.GENERATED_INVALID)
            .get(0);
    assertTrue(demo.message().contains("'demo-Bad_Name'"), demo.message());
    assertEquals(2, demo.line());
  }

  @Nested
  @DisplayName("lint modes")
  class Modes {
    @Test
    @DisplayName("FULL reports the chart's required values; PARTIAL does not")
    void partialSkipsRequired() throws Exception {
      Path overlay = file("overlay.yaml", "worker:\n  image:\n    debug: true\n");
      ValueInputs in = ValueInputs.ofFiles(overlay);
      List<Finding> full = VALIDATOR.validate(LOADER.load(in), LintMode.FULL);
      assertEquals(3, only(full, ChartRequirements.REQUIRED).size(), full.toString());
      assertEquals(List.of(), VALIDATOR.validate(LOADER.loadWithoutDefaults(in), LintMode.PARTIAL));
    }

    @Test
    @DisplayName(
        "with no user values at all, a missing value points nowhere and says how to set it")
    void defaultsOnly() throws Exception {
      List<Finding> findings = VALIDATOR.validate(LOADER.load(ValueInputs.none()), LintMode.FULL);
      assertEquals(3, findings.size(), findings.toString());
      for (Finding f : findings) {
        assertEquals("", f.file());
        assertEquals(Finding.Kind.NONE, f.kind());
        assertEquals(-1, f.line());
        assertEquals(ChartRequirements.REQUIRED, f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
      }
      assertEquals(
          "A Work Pool Name is required (worker.config.workPool), and no values file or flag sets"
              + " it; set worker.config.workPool in your values file, or pass --set"
              + " worker.config.workPool=VALUE",
          findings.get(0).message());
      assertEquals(
          "error: " + findings.get(0).message() + " [chart.required]", findings.get(0).toString());
    }
  }

  @Test
  @DisplayName("findings are ordered by file as given, then line and column")
  void ordering() throws Exception {
    Path first = file("b-first.yaml", "worker:\n  replicas: 1\n  hostNetwork: true\n");
    Path second = file("a-second.yaml", "worker:\n  dnsPolicy: 3\n");
    List<Finding> findings =
        VALIDATOR.validate(LOADER.load(ValueInputs.ofFiles(base(), first, second)), LintMode.FULL);
    List<String> places = findings.stream().map(f -> f.file() + ":" + f.line()).toList();
    assertEquals(List.of(first + ":2", first + ":3", second + ":2"), places, findings.toString());
  }

  @Test
  @DisplayName("input problems are sorted by source as given, then line and column")
  void inputFindings() {
    ValuesException e =
        new ValuesException(
            List.of(
                new Finding(
                    "b.yaml",
                    7,
                    3,
                    "",
                    "input.yaml-syntax",
                    Severity.ERROR,
                    "mapping values are not allowed"),
                new Finding(
                    "--set",
                    -1,
                    -1,
                    "",
                    "input.set-syntax",
                    Severity.ERROR,
                    "key has no value",
                    Finding.Kind.FLAG),
                new Finding(
                    "b.yaml", 2, 1, "", "input.yaml-syntax", Severity.ERROR, "bad indentation")));
    List<Finding> findings = ValuesValidator.inputFindings(e);
    assertEquals(3, findings.size());
    assertEquals(
        "b.yaml:2:1: error: bad indentation [input.yaml-syntax]", findings.get(0).toString());
    assertEquals("b.yaml", findings.get(1).file());
    assertEquals(7, findings.get(1).line());
    assertEquals("input.set-syntax", findings.get(2).ruleId());
    assertEquals("", findings.get(2).path());
  }

  @Test
  @DisplayName("validation is repeatable and safe to run from many threads")
  void threadSafe() throws Exception {
    Path values =
        file("values.yaml", "worker:\n  replicas: 1\n  apiConfig: Cloud\n  image: {tag: x}\n");
    LoadedValues v = LOADER.load(ValueInputs.ofFiles(base(), values));
    ValuesValidator shared = ValuesValidator.create();
    List<Finding> reference = shared.validate(v, LintMode.FULL);
    assertEquals(3, reference.size(), reference.toString());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Finding>>> runs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        runs.add(pool.submit(() -> shared.validate(v, LintMode.FULL)));
      }
      for (Future<List<Finding>> run : runs) {
        assertEquals(reference, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("arguments are checked")
  void nullArguments() {
    assertThrows(NullPointerException.class, () -> VALIDATOR.validate(null, LintMode.FULL));
    assertThrows(IllegalArgumentException.class, () -> new Release("", "default"));
  }
}
