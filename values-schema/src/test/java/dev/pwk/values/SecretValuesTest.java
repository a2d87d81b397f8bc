package dev.pwk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SecretValues")
class SecretValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "authString, true",
    "apiKey, true",
    "db_password, true",
    "clientSecret, true",
    "PRIVATE_KEY, true",
    "existingSecret, false",
    "apiKeySecret, true",
    "jobApiKeyPropagation, false",
    "accountId, false"
  })
  @DisplayName("keys that hold secrets are recognised; keys naming a Secret are not")
  void keys(String key, boolean secret) {
    assertEquals(secret, SecretValues.isSecretKey(key));
  }

  @Test
  @DisplayName("a value is secret by its key, or as the value of a secret-named env variable")
  void paths() throws Exception {
    JsonNode root =
        JSON.readTree(
            "{\"env\": [{\"name\": \"PREFECT_API_KEY\", \"value\": \"pnu_x\"},"
                + " {\"name\": \"LOG\", \"value\": \"debug\"}]}");
    assertTrue(
        SecretValues.isSecret(root, "/worker/selfHostedServerApiConfig/basicAuth/authString"));
    assertTrue(SecretValues.isSecret(root, "/env/0/value"));
    assertFalse(SecretValues.isSecret(root, "/env/1/value"));
    assertFalse(SecretValues.isSecret(root, "/env/0/name"));
    assertFalse(SecretValues.isSecret(root, "/worker/cloudApiConfig/apiKeySecret/name"));
    assertFalse(SecretValues.isSecret(root, ""));
  }

  @Test
  @DisplayName("masks the secret texts of a tree wherever they appear, and never shows them itself")
  void knownTexts() throws Exception {
    SecretValues secrets =
        SecretValues.of(
            JSON.readTree(
                "{\"basicAuth\": {\"authString\": \"admin:s3cret\", \"enabled\": true},"
                    + " \"env\": [{\"name\": \"DB_TOKEN\", \"value\": \"tok-123456\"}],"
                    + " \"short\": {\"password\": \"ab\"}, \"name\": \"admin:s3cret-not\"}"));
    assertEquals("got <redacted> and <redacted>", secrets.mask("got admin:s3cret and tok-123456"));
    assertEquals("<redacted>-not", secrets.mask("admin:s3cret-not"));
    assertEquals("ab is too short to look for", secrets.mask("ab is too short to look for"));
    assertFalse(secrets.toString().contains("s3cret"), secrets.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "worker.selfHostedServerApiConfig.basicAuth.authString=admin:pw | --set #1 (worker.selfHostedServerApiConfig.basicAuth.authString=<redacted>)",
        "worker.extraEnvVars=[{\"name\":\"API_TOKEN\",\"value\":\"x\"}] | --set #1 (worker.extraEnvVars=<redacted>)",
        "worker.cloudApiConfig.jobApiKeyPropagation=envVar | --set #1 (worker.cloudApiConfig.jobApiKeyPropagation=envVar)",
        "worker.replicaCount=2 | --set #1 (worker.replicaCount=2)"
      })
  @DisplayName("a flag is described with its value masked when a key or the value looks secret")
  void flags(String argument, String described) {
    assertEquals(described, SecretValues.describe(Origin.ofFlag(Origin.Kind.SET, argument, 1, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'    authString: admin:pass  # the default' | '    authString: <redacted>  # the default'",
        "'  {authString: \"admin:pass\", enabled: true}' | '  {authString: <redacted>, enabled: true}'",
        "\"apiKey\":\"pnu_123\" | '\"apiKey\":<redacted>'",
        "'    existingSecret: my-auth' | '    existingSecret: my-auth'",
        "'    authString: \"\"' | '    authString: \"\"'",
        "--set #1 'a.b.authString=admin:pass,x=1': bad | '--set #1 ''a.b.authString=<redacted>,x=1'': bad'",
        "apiUrl: https://api.example.com | 'apiUrl: https://api.example.com'"
      })
  @DisplayName("masks secret-looking key: value and key=value pairs without knowing the values")
  void pairs(String line, String masked) {
    assertEquals(masked, SecretValues.none().mask(line));
  }
}
