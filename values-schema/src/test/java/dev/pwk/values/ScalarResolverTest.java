package dev.pwk.values;

import static dev.pwk.values.JsonTrees.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values files are typed as Helm's YAML reader (go-yaml v2, YAML 1.1 rules) types them. The
 * expected column is the JSON value Helm's values map holds.
 */
@DisplayName("ScalarResolver types YAML scalars as go-yaml v2 does")
class ScalarResolverTest {

  @Nested
  @DisplayName("plain scalars")
  class Plain {

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # YAML 1.1 booleans, in the three spellings go-yaml accepts
            y        | true
            Y        | true
            yes      | true
            Yes      | true
            YES      | true
            on       | true
            On       | true
            ON       | true
            true     | true
            True     | true
            TRUE     | true
            n        | false
            N        | false
            no       | false
            No       | false
            NO       | false
            off      | false
            Off      | false
            OFF      | false
            false    | false
            False    | false
            FALSE    | false
            # other capitalisations are strings
            yEs      | "yEs"
            tRUE     | "tRUE"
            oN       | "oN"
            # null
            ''       | null
            ~        | null
            null     | null
            Null     | null
            NULL     | null
            nULL     | "nULL"
            # integers: decimal, 0x, 0o, leading-0 octal, 0b, underscores
            0        | 0
            7        | 7
            -7       | -7
            +7       | 7
            -0       | 0
            1_000    | 1000
            0x1F     | 31
            0X1f     | 31
            -0x10    | -16
            0x_1F    | 31
            0o17     | 15
            017      | 15
            0b101    | 5
            -0b11    | -3
            2147483648           | 2147483648
            9223372036854775807  | 9223372036854775807
            9223372036854775808  | 9223372036854775808
            # floats
            1.5      | 1.5
            -1.5e3   | -1500.0
            1e3      | 1000.0
            1E3      | 1000.0
            1.       | 1.0
            .5       | 0.5
            +.5      | 0.5
            0.0      | 0.0
            1_0.5    | 10.5
            # no octal digit 8 or 9: go-yaml falls back to a float
            08       | 8.0
            -08      | -8.0
            09.5     | 9.5
            # strings
            _1       | "_1"
            ._5      | "._5"
            1e       | "1e"
            0x       | "0x"
            0xZZ     | "0xZZ"
            1.2.3    | "1.2.3"
            1:20     | "1:20"
            2001-12-14           | "2001-12-14"
            2001-12-14T21:59:43Z | "2001-12-14T21:59:43Z"
            Infinity | "Infinity"
            NaN      | "NaN"
            inf      | "inf"
            =        | "="
            <<       | "<<"
            hello    | "hello"
            """)
    void types(String text, String expectedJson) {
      assertJson(expectedJson, ScalarResolver.plain(text), text);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            .inf   | Infinity
            .Inf   | Infinity
            .INF   | Infinity
            +.inf  | Infinity
            -.inf  | -Infinity
            -.Inf  | -Infinity
            .nan   | NaN
            .NaN   | NaN
            .NAN   | NaN
            """)
    void specialFloats(String text, double expected) {
      JsonNode n = ScalarResolver.plain(text);
      assertTrue(n.isDouble(), text + " -> " + n);
      assertEquals(expected, n.doubleValue());
    }
  }

  @Nested
  @DisplayName("in a values file: quoted, block and tagged scalars")
  class InFile {

    private JsonNode value(String yaml) throws ValuesException {
      return YamlFileReader.readText("t.yaml", "k: " + yaml + "\n", Origin.Kind.FILE)
          .tree()
          .get("k");
    }

    @ParameterizedTest(name = "k: {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            # quoted scalars are strings whatever they look like
            "yes"            | "yes"
            'null'           | "null"
            "123"            | "123"
            '0x1F'           | "0x1F"
            ""               | ""
            # explicit core tags
            !!str 1          | "1"
            !!str true       | "true"
            !!int "5"        | 5
            !!bool "yes"     | true
            !!null ~         | null
            # plain scalars use the table above
            yes              | true
            08               | 8.0
            """)
    void types(String yaml, String expectedJson) throws ValuesException {
      assertJson(expectedJson, value(yaml), yaml);
    }

    @Test
    @DisplayName("block scalars are strings with their line breaks")
    void blockScalars() throws ValuesException {
      JsonNode tree =
          YamlFileReader.readText(
                  "t.yaml", "a: |\n  123\n  yes\nb: >-\n  1\n  2\n", Origin.Kind.FILE)
              .tree();
      assertJson("{\"a\":\"123\\nyes\\n\",\"b\":\"1 2\"}", tree);
    }

    @ParameterizedTest(name = "k: {0} is an error")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            !!int x
            !!bool maybe
            !custom x
            """)
    void badTagsAreErrors(String yaml) {
      ValuesException e = assertThrows(ValuesException.class, () -> value(yaml));
      Finding p = e.problems().get(0);
      assertEquals("input.yaml-syntax", p.ruleId());
      assertEquals(1, p.line());
      assertEquals(4, p.column());
    }
  }
}
