package dev.pwk.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Redaction")
class RedactionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  @DisplayName("masks secret-looking values but keeps Secret names, keys and switches")
  void values() throws Exception {
    JsonNode values =
        json(
            """
            {"worker": {
              "cloudApiConfig": {
                "apiKeySecret": {"name": "prefect-api-key", "key": "key"},
                "jobApiKeyPropagation": "secretRef", "accountId": "acc"},
              "selfHostedServerApiConfig": {"basicAuth": {
                "enabled": true, "authString": "admin:pass", "existingSecret": "auth"}},
              "extraEnvVars": [
                {"name": "DB_PASSWORD", "value": "hunter2"},
                {"name": "LOG", "value": "debug"},
                {"name": "API_TOKEN", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}],
              "custom": {"token": "", "password": null, "apiKey": 12345, "clientSecret": "x"}}}
            """);

    JsonNode masked = Redaction.values(values);

    assertEquals(
        json(
            """
            {"worker": {
              "cloudApiConfig": {
                "apiKeySecret": {"name": "prefect-api-key", "key": "key"},
                "jobApiKeyPropagation": "secretRef", "accountId": "acc"},
              "selfHostedServerApiConfig": {"basicAuth": {
                "enabled": true, "authString": "<redacted>", "existingSecret": "auth"}},
              "extraEnvVars": [
                {"name": "DB_PASSWORD", "value": "<redacted>"},
                {"name": "LOG", "value": "debug"},
                {"name": "API_TOKEN", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}],
              "custom": {
                "token": "", "password": null, "apiKey": "<redacted>", "clientSecret": "<redacted>"}}}
            """),
        masked);
    assertEquals(
        "admin:pass",
        values.at("/worker/selfHostedServerApiConfig/basicAuth/authString").asText(),
        "the input is left alone");
  }

  @Test
  @DisplayName("masks env entries without a name, in worker, init and extra container env lists")
  void envWithoutName() throws Exception {
    JsonNode values =
        json(
            """
            {"worker": {
              "extraEnvVars": [
                {"value": "hunter2"}, "PASSWORD=hunter3", {"name": "LOG", "value": "x"}],
              "initContainer": {"extraEnvVars": [{"name": 7, "value": "hunter4"}]},
              "extraContainers": [{"name": "side", "env": [{"value": "hunter5"}]}],
              "tolerations": [{"key": "k", "value": "v"}]}}
            """);

    JsonNode masked = Redaction.values(values);

    assertEquals(
        json(
            """
            {"worker": {
              "extraEnvVars": [
                {"value": "<redacted>"}, "<redacted>", {"name": "LOG", "value": "x"}],
              "initContainer": {"extraEnvVars": [{"name": 7, "value": "<redacted>"}]},
              "extraContainers": [{"name": "side", "env": [{"value": "<redacted>"}]}],
              "tolerations": [{"key": "k", "value": "v"}]}}
            """),
        masked);
  }

  @Test
  @DisplayName("drops kubectl's last-applied-configuration annotation, which copies the object")
  void lastApplied() throws Exception {
    String object =
        """
        {"kind": "Deployment", "metadata": {"annotations": {
          "kubectl.kubernetes.io/last-applied-configuration": "{\\"value\\": \\"hunter2\\"}",
          "pwk.dev/release": "prefect/demo"}}}
        """;
    ObjectNode live = json(object);
    ObjectNode planned = json(object);

    Redaction.objects(live, planned);

    ObjectNode expected =
        json(
            "{\"kind\": \"Deployment\", \"metadata\": {\"annotations\": {"
                + "\"pwk.dev/release\": \"prefect/demo\"}}}");
    assertEquals(expected, live);
    assertEquals(expected, planned);
  }

  @Test
  @DisplayName("masks env values in objects, marking the ones that change")
  void env() throws Exception {
    String deployment =
        """
        {"kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "w", "env": [
          {"name": "PREFECT_API_AUTH_STRING", "value": "%s"},
          {"name": "MY_TOKEN", "value": "same"},
          {"name": "HOME", "value": "/home"}]}]}}}}
        """;
    ObjectNode live = json(deployment.formatted("old"));
    ObjectNode planned = json(deployment.formatted("new"));

    Redaction.objects(live, planned);

    String env = "/spec/template/spec/containers/0/env/";
    assertEquals("<redacted>", live.at(env + "0/value").asText());
    assertEquals("<redacted, changed>", planned.at(env + "0/value").asText());
    assertEquals("<redacted>", live.at(env + "1/value").asText());
    assertEquals("<redacted>", planned.at(env + "1/value").asText());
    assertEquals("/home", planned.at(env + "2/value").asText());
  }

  @Test
  @DisplayName("masks the data of Secrets, marking the keys that change")
  void secretData() throws Exception {
    ObjectNode live = json("{\"kind\": \"Secret\", \"data\": {\"a\": \"MQ==\", \"b\": \"Mg==\"}}");
    ObjectNode planned =
        json("{\"kind\": \"Secret\", \"data\": {\"a\": \"MQ==\", \"b\": \"Mw==\"}}");

    Redaction.objects(live, planned);

    assertEquals(
        json("{\"kind\": \"Secret\", \"data\": {\"a\": \"<redacted>\", \"b\": \"<redacted>\"}}"),
        live);
    assertEquals(
        json(
            "{\"kind\": \"Secret\", \"data\": {\"a\": \"<redacted>\", \"b\": \"<redacted,"
                + " changed>\"}}"),
        planned);
  }
}
