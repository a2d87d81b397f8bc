package dev.pwk.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Kubernetes value syntaxes, as apimachinery's validation accepts them")
class KubeSyntaxTest {

  @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "DNS_LABEL      | a                       | true",
        "DNS_LABEL      | prefect-worker          | true",
        "DNS_LABEL      | 0abc9                   | true",
        "DNS_LABEL      | ''                      | false",
        "DNS_LABEL      | -a                      | false",
        "DNS_LABEL      | a-                      | false",
        "DNS_LABEL      | Ab                      | false",
        "DNS_LABEL      | a.b                     | false",
        "DNS_LABEL      | a_b                     | false",
        "DNS_SUBDOMAIN  | a.b-c.d                 | true",
        "DNS_SUBDOMAIN  | prefect-worker          | true",
        "DNS_SUBDOMAIN  | a..b                    | false",
        "DNS_SUBDOMAIN  | .a                      | false",
        "DNS_SUBDOMAIN  | a.                      | false",
        "DNS_SUBDOMAIN  | My_Worker               | false",
        "PATH_SEGMENT   | My_Worker               | true",
        "PATH_SEGMENT   | ..                      | false",
        "PATH_SEGMENT   | a/b                     | false",
        "PATH_SEGMENT   | a%b                     | false",
        "PORT_NAME      | http                    | true",
        "PORT_NAME      | metrics-9090            | true",
        "PORT_NAME      | 8080                    | false",
        "PORT_NAME      | a--b                    | false",
        "PORT_NAME      | prometheus-metrics      | false",
        "LABEL_VALUE    | ''                      | true",
        "LABEL_VALUE    | 3.8.3                   | true",
        "LABEL_VALUE    | A_b-c.D                 | true",
        "LABEL_VALUE    | -x                      | false",
        "LABEL_VALUE    | x_                      | false",
        "LABEL_VALUE    | has space               | false",
        "QUALIFIED_NAME | team                    | true",
        "QUALIFIED_NAME | app.kubernetes.io/name  | true",
        "QUALIFIED_NAME | example.com/Some_Key    | true",
        "QUALIFIED_NAME | Example.com/key         | false",
        "QUALIFIED_NAME | /key                    | false",
        "QUALIFIED_NAME | example.com/            | false",
        "QUALIFIED_NAME | a/b/c                   | false",
        "QUALIFIED_NAME | ''                      | false",
        "CONFIG_KEY     | baseJobTemplate.json    | true",
        "CONFIG_KEY     | a/b                     | false",
        "ENV_VAR_NAME   | PREFECT_API_URL         | true",
        "ENV_VAR_NAME   | .dotted-name_1          | true",
        "ENV_VAR_NAME   | 1X                      | false",
        "ENV_VAR_NAME   | MY VAR                  | false",
        "ENV_VAR_NAME   | A=B                     | false",
      })
  void accepts(KubeSyntax syntax, String value, boolean accepted) {
    assertEquals(accepted, syntax.accepts(value), () -> syntax + " " + value);
  }

  @Test
  @DisplayName("length limits: 63 for labels and names in keys, 253 for subdomains")
  void lengths() {
    assertTrue(KubeSyntax.DNS_LABEL.accepts("a".repeat(63)));
    assertFalse(KubeSyntax.DNS_LABEL.accepts("a".repeat(64)));
    assertTrue(KubeSyntax.LABEL_VALUE.accepts("a".repeat(63)));
    assertFalse(KubeSyntax.LABEL_VALUE.accepts("a".repeat(64)));
    String subdomain =
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
    assertEquals(253, subdomain.length());
    assertTrue(KubeSyntax.DNS_SUBDOMAIN.accepts(subdomain));
    assertFalse(KubeSyntax.DNS_SUBDOMAIN.accepts(subdomain + "e"));
    assertTrue(KubeSyntax.QUALIFIED_NAME.accepts("example.com/" + "k".repeat(63)));
    assertFalse(KubeSyntax.QUALIFIED_NAME.accepts("example.com/" + "k".repeat(64)));
  }
}
