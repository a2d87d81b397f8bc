package dev.pwk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pwk.cli.Pwk;
import dev.pwk.cli.doc.DocBlocks;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Runs the commands of the {@code <!-- doc-test: cluster -->} blocks of docs/guide/*.md against the
 * cluster, page by page in a fresh namespace, and checks that they print what the guide shows (the
 * cli's {@code GuideCommandsTest} runs the other blocks). Before a page's first command the test
 * does what the guide has the reader do with kubectl: it creates the API key Secret {@code
 * prefect-api-key}. The guide's namespace {@code prefect} stands for the test's namespace, in the
 * commands and in their output; {@code --kubeconfig} is added to every command.
 */
@RequiresCluster
@DisplayName("the cluster commands in docs/guide print what the guide shows")
class GuideClusterCommandsIT {
  /** The repository root; the tests run in the integration-tests module directory. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Path GUIDE = ROOT.resolve(Path.of("docs", "guide"));

  /** The namespace the guide uses, as a word of its own (not in prefect-worker). */
  private static final Pattern GUIDE_NAMESPACE = Pattern.compile("(?<![\\w.-])prefect(?![\\w-])");

  @TestFactory
  @DisplayName("pages")
  Stream<DynamicTest> pages(Cluster cluster) throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(GUIDE)) {
      pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      List<DocBlocks.Command> commands = new ArrayList<>();
      for (DocBlocks.Block block : DocBlocks.parse(page)) {
        if (block.kind().equals("cluster")) {
          commands.addAll(block.commands());
        }
      }
      if (!commands.isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                page.getFileName().toString(), () -> runPage(cluster, page, commands)));
      }
    }
    return tests.stream();
  }

  private static void runPage(Cluster cluster, Path page, List<DocBlocks.Command> commands) {
    try (TestNamespace ns = cluster.newNamespace("guide")) {
      cluster
          .client()
          .secrets()
          .inNamespace(ns.name())
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("prefect-api-key")
                  .endMetadata()
                  .addToStringData("key", "pnu_guide_test")
                  .build())
          .create();
      for (DocBlocks.Command command : commands) {
        run(cluster, ns, page, command);
      }
    }
  }

  private static void run(Cluster cluster, TestNamespace ns, Path page, DocBlocks.Command command) {
    List<String> args = new ArrayList<>();
    for (String arg : command.args()) {
      args.add(repositoryPath(inNamespace(arg, ns)));
    }
    args.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
    StringWriter both = new StringWriter();
    CommandLine pwk = Pwk.newCommandLine();
    // Flushed by println only, as picocli's writers over System.out and System.err are.
    pwk.setOut(new PrintWriter(new BufferedWriter(both), true));
    pwk.setErr(new PrintWriter(new BufferedWriter(both), true));
    int exit = pwk.execute(args.toArray(String[]::new));
    String printed = both.toString().replace(ROOT + "/", "");
    List<String> expected = command.expected().stream().map(l -> inNamespace(l, ns)).toList();
    String where = page.getFileName() + ":" + command.line();
    if (!DocBlocks.matches(expected, printed.lines().toList())) {
      fail(
          where
              + ": $ "
              + command.text()
              + "\nprinted (namespace "
              + ns.name()
              + " for prefect):\n"
              + printed
              + "\nbut the guide shows:\n"
              + String.join("\n", expected));
    }
    assertEquals(
        command.exitCode(),
        exit,
        () -> where + ": $ " + command.text() + " exited " + exit + "\n" + printed);
  }

  private static String inNamespace(String text, TestNamespace ns) {
    return GUIDE_NAMESPACE.matcher(text).replaceAll(Matcher.quoteReplacement(ns.name()));
  }

  /** A relative path of the repository, made absolute; anything else unchanged. */
  private static String repositoryPath(String arg) {
    if (arg.startsWith("-") || !arg.contains("/") || arg.contains("=")) {
      return arg;
    }
    Path candidate = ROOT.resolve(arg);
    return Files.exists(candidate) ? candidate.toString() : arg;
  }
}
