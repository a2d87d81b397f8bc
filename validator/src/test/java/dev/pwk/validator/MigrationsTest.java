package dev.pwk.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lint's migration hints come from the chart history's rule table, chained")
class MigrationsTest {

  @Test
  @DisplayName("a key renamed several times points at its current name, citing the first rename")
  void chainedRename() {
    assertEquals(
        Optional.of(
            new Migrations.Hint(
                Migrations.RENAMED, "worker.customerManagedCloudApiConfig", "2024.2.7")),
        Migrations.forKey("/worker/selfHostedApiConfig"));
    assertEquals(
        "worker.selfHostedServerApiConfig.basicAuth",
        Migrations.forKey("/worker/basicAuth").orElseThrow().replacement());
  }

  @Test
  @DisplayName("a removed key is removed under every later name of its parent, with the advice")
  void removedUnderLaterNames() {
    Migrations.Hint hint =
        Migrations.forKey("/worker/selfHostedServerApiConfig/uiUrl").orElseThrow();
    assertEquals(Migrations.MSG_REMOVED, hint.messageKey());
    assertEquals("2025.3.7033449", hint.release());
    assertTrue(
        Migrations.forKey("/worker/customerManagedCloudApiConfig/uiUrl")
            .orElseThrow()
            .replacement()
            .contains("cloudUiUrl"));
    assertEquals(Optional.empty(), Migrations.forKey("/worker/customerManagedCloudApiConfig"));
  }

  @Test
  @DisplayName("an old value points at its current value")
  void values() {
    assertEquals(
        "customerManagedCloud",
        Migrations.forValue("/worker/apiConfig", TextNode.valueOf("selfHosted"))
            .orElseThrow()
            .replacement());
    assertEquals(
        "selfHostedServer",
        Migrations.forValue("/worker/apiConfig", TextNode.valueOf("server"))
            .orElseThrow()
            .replacement());
    assertEquals(
        "null",
        Migrations.forValue("/worker/config/limit", TextNode.valueOf("None"))
            .orElseThrow()
            .replacement());
    assertEquals(
        Optional.empty(), Migrations.forValue("/worker/apiConfig", TextNode.valueOf("cloud")));
  }
}
