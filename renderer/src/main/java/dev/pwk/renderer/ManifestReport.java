package dev.pwk.renderer;

import dev.pwk.kube.FindingSink;
import dev.pwk.kube.Value;
import dev.pwk.values.Finding;
import dev.pwk.values.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one {@link ManifestValidator} run. Every message names the offending
 * field in its dotted form as its first argument. Lines are resolved only once, at the end, and
 * only when there is something to report, so a clean run never prints YAML.
 */
final class ManifestReport {
  private record Entry(
      int document, String pointer, String ruleId, Severity severity, String message) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Where the field and pod rules of pwk-kube report about one document. */
  FindingSink sink(ManifestDocument doc) {
    return (at, ruleId, severity, message) ->
        entries.add(new Entry(doc.index(), at.pointer(), ruleId, severity, message));
  }

  /** An error about the field at {@code at}; {@code args} fill {@code {1}}, {@code {2}}, …. */
  void error(ManifestDocument doc, Value at, String ruleId, String messageKey, Object... args) {
    add(doc, at, ruleId, Severity.ERROR, messageKey, args);
  }

  private void add(
      ManifestDocument doc,
      Value at,
      String ruleId,
      Severity severity,
      String messageKey,
      Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = at.dotted();
    System.arraycopy(args, 0, all, 1, args.length);
    entries.add(
        new Entry(doc.index(), at.pointer(), ruleId, severity, Messages.get(messageKey, all)));
  }

  /** The findings in document order, each at its line and column in {@link Rendering#toYaml()}. */
  List<Finding> findings(Rendering rendering) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<String> documents = rendering.documents();
    List<Integer> firstLines = new ArrayList<>();
    List<Map<String, YamlLocations.Position>> positions = new ArrayList<>();
    int line = 1;
    for (String yaml : documents) {
      // Each document is "---", "# Source: …", then the object.
      firstLines.add(line + 2);
      positions.add(null);
      line += 2 + (int) yaml.lines().count();
    }
    List<Located> out = new ArrayList<>();
    for (Entry e : entries) {
      if (positions.get(e.document()) == null) {
        positions.set(e.document(), YamlLocations.of(documents.get(e.document())));
      }
      YamlLocations.Position at = YamlLocations.find(positions.get(e.document()), e.pointer());
      int lineNr = at == null ? -1 : firstLines.get(e.document()) + at.line() - 1;
      int column = at == null ? -1 : at.column();
      String source = rendering.objects().get(e.document()).source();
      out.add(
          new Located(
              e.document(),
              new Finding(
                  source, lineNr, column, e.pointer(), e.ruleId(), e.severity(), e.message())));
    }
    out.sort(
        Comparator.comparingInt(Located::document)
            .thenComparingInt(l -> l.finding().line())
            .thenComparingInt(l -> l.finding().column()));
    return out.stream().map(Located::finding).toList();
  }

  private record Located(int document, Finding finding) {}
}
