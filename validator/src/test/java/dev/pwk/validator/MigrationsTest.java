package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pwk.values.Finding;
import dev.pwk.values.LoadedValues;
import dev.pwk.values.MigrationRule;
import dev.pwk.values.MigrationRule.Change;
import dev.pwk.values.ValueInputs;
import dev.pwk.values.ValueRenames;
import dev.pwk.values.ValuesContract;
import dev.pwk.values.ValuesLoader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("every rename of the chart's history gives its migration hint")
class MigrationsTest {
  private static final ValuesLoader LOADER = ValuesLoader.create();
  private static final ValuesValidator VALIDATOR = ValuesValidator.create();

  static Stream<MigrationRule> renames() {
    return ValueRenames.bundled().all().stream();
  }

  @Test
  @DisplayName("the table is not empty and ends at names the bundled chart knows")
  void tableEndsAtCurrentNames() throws Exception {
    JsonNode schema = JsonText.parse(ValuesContract.schemaJson()).root();
    assertTrue(ValueRenames.bundled().all().size() >= 10);
    for (MigrationRule r : ValueRenames.bundled().all()) {
      var m =
          switch (r.change()) {
            case RENAME, REMOVE -> ValueRenames.bundled().forKey(r.pointer());
            case VALUE -> ValueRenames.bundled().forValue(r.pointer(), r.oldValue());
            case WRAP -> ValueRenames.bundled().forText(r.pointer());
          };
      assertTrue(m.isPresent(), r::toString);
      if (m.get().removed()) {
        continue;
      }
      if (r.change() == Change.VALUE && m.get().current().equals("null")) {
        JsonNode types = schemaAt(schema, r.pointer()).path("type");
        assertTrue(types.toString().contains("\"null\""), r + " ends at null, not in " + types);
      } else if (r.change() == Change.VALUE) {
        JsonNode allowed = schemaAt(schema, r.pointer()).path("enum");
        assertTrue(
            allowed.toString().contains('"' + m.get().current() + '"'),
            r + " ends at " + m.get().current() + ", not in " + allowed);
      } else {
        assertFalse(schemaAt(schema, m.get().current()).isMissingNode(), r + " -> " + m.get());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("renames")
  @DisplayName("lint reports the old form with a hint naming today's form")
  void hint(MigrationRule r) throws Exception {
    String dotted = r.pointer().substring(1).replace('/', '.');
    String value =
        switch (r.change()) {
          case VALUE -> r.oldValue();
          case WRAP -> "{\"variables\": {}}";
          case RENAME, REMOVE -> "x";
        };
    LoadedValues values =
        LOADER.load(
            ValueInputs.builder()
                .file(LintFixturesTest.dir().resolve("_base.yaml"))
                .setLiteral(dotted + "=" + value)
                .build());
    List<Finding> findings = VALIDATOR.validate(values, LintMode.FULL);
    List<Finding> hints =
        findings.stream()
            .filter(f -> f.ruleId().equals(Migrations.RENAMED) && f.path().equals(r.pointer()))
            .toList();
    String all = findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
    assertTrue(hints.size() == 1, "one hint for " + r.pointer() + " in:\n" + all);
    String message = hints.get(0).message();
    assertTrue(message.contains(r.release()), message);
    if (r.change() == Change.REMOVE) {
      assertTrue(message.contains("was removed"), message);
    } else {
      var now =
          r.change() == Change.VALUE
              ? ValueRenames.bundled().forValue(r.pointer(), r.oldValue()).orElseThrow().current()
              : ValueRenames.bundled()
                  .forKey(r.pointer())
                  .or(() -> ValueRenames.bundled().forText(r.pointer()))
                  .orElseThrow()
                  .current()
                  .substring(1)
                  .replace('/', '.');
      assertTrue(message.contains(now), message + " should name " + now);
    }
  }

  private static JsonNode schemaAt(JsonNode schema, String pointer) {
    JsonNode node = schema;
    for (String name : pointer.substring(1).split("/")) {
      node = node.path("properties").path(name);
    }
    return node;
  }
}
