package dev.pwk.values;

import static dev.pwk.values.JsonTrees.assertJson;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pwk.values.SetArgumentParser.SetSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code --set} family follows Helm's {@code strvals} grammar. Each table row is one
 * command-line argument and the values tree Helm builds from it.
 */
@DisplayName("SetArgumentParser parses --set arguments as Helm's strvals does")
class SetArgumentParserTest {

  private record Parsed(ObjectNode tree, Origins origins) {}

  private static Parsed parse(Origin.Kind kind, String argument)
      throws SetSyntaxException, ValuesException {
    return parse(kind, argument, 1, SetArgumentParserTest::noFiles);
  }

  private static Parsed parse(
      Origin.Kind kind, String argument, int index, SetArgumentParser.FileReader files)
      throws SetSyntaxException, ValuesException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    Origins origins = new Origins();
    SetArgumentParser.parse(argument, kind, index, tree, origins, files);
    return new Parsed(tree, origins);
  }

  private static String noFiles(String path) {
    throw new AssertionError("no file should be read, but " + path + " was");
  }

  private static void assertParses(Origin.Kind kind, String argument, String expectedJson)
      throws Exception {
    assertJson(expectedJson, parse(kind, argument).tree(), kind.flag() + " " + argument);
  }

  @Nested
  @DisplayName("--set: pairs, dotted keys, escapes, indexes and lists")
  class SetGrammar {

    @ParameterizedTest(name = "--set {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            # comma-separated pairs and dotted keys
            a=1                    | {"a":1}
            a=1,b=2                | {"a":1,"b":2}
            a=1,                   | {"a":1}
            ''                     | {}
            a.b.c=x                | {"a":{"b":{"c":"x"}}}
            a.b=1,a.c=2            | {"a":{"b":1,"c":2}}
            a=1,a=2                | {"a":2}
            # backslash escapes in keys and values
            a\\.b=1                | {"a.b":1}
            a\\=b=1                | {"a=b":1}
            a\\,b=1                | {"a,b":1}
            a=x\\,y                | {"a":"x,y"}
            a=x\\\\y               | {"a":"x\\\\y"}
            # a value runs to the next comma
            a=b=c                  | {"a":"b=c"}
            a=x.y[0]               | {"a":"x.y[0]"}
            # key= sets the empty string
            a=                     | {"a":""}
            a=,b=1                 | {"a":"","b":1}
            # list indexes pad with nulls
            a[0]=x                 | {"a":["x"]}
            a[2]=x                 | {"a":[null,null,"x"]}
            a[1]=y,a[0]=x          | {"a":["x","y"]}
            a[0].b=1,a[0].c=2      | {"a":[{"b":1,"c":2}]}
            a[1].b=1               | {"a":[null,{"b":1}]}
            a[0][1]=x              | {"a":[[null,"x"]]}
            a.b[0]=x               | {"a":{"b":["x"]}}
            a[0]={x,y}             | {"a":[["x","y"]]}
            # an index with nothing after it leaves an empty list, as in Helm
            a[0]                   | {"a":[]}
            # a key of a list item that ends the argument empty (Helm's strvals gets io.EOF there)
            # leaves the item out: the list stays as it was
            a[3].key=              | {"a":[]}
            a[1].k.j=              | {"a":[]}
            a[0][2].k=             | {"a":[]}
            a[0].b=1,a[0].c=       | {"a":[{"b":1,"c":""}]}
            a[1].key=,a[0].b=c     | {"a":[{"b":"c"},{"key":""}]}
            # but an item already in the list that is not a map is replaced by one in place first
            a[1]=x,a[0].key=       | {"a":[{"key":""},"x"]}
            a[1]=x,a[1].key=       | {"a":[null,{"key":""}]}
            a[2]=                  | {"a":[null,null,""]}
            # {a,b} lists, items typed like values
            a={x,y}                | {"a":["x","y"]}
            a={x,y},b=2            | {"a":["x","y"],"b":2}
            a={1,true,null,007}    | {"a":[1,true,null,"007"]}
            a={x\\,y,z}            | {"a":["x,y","z"]}
            a={}                   | {"a":[""]}
            """)
    void buildsTheTree(String argument, String expectedJson) throws Exception {
      assertParses(Origin.Kind.SET, argument, expectedJson);
    }

    @Test
    @DisplayName("index 65536 is the largest allowed and pads the list to 65537 items")
    void largestIndex() throws Exception {
      JsonNode list = parse(Origin.Kind.SET, "a[65536]=x").tree().get("a");
      assertEquals(65537, list.size());
      assertTrue(list.get(0).isNull());
      assertEquals("x", list.get(65536).asText());
    }

    @Test
    @DisplayName("keys nest up to 30 dots deep")
    void deepestNesting() throws Exception {
      String key =
          IntStream.rangeClosed(0, 30).mapToObj(i -> "k" + i).collect(Collectors.joining("."));
      JsonNode tree = parse(Origin.Kind.SET, key + "=x").tree();
      String pointer = "/" + key.replace('.', '/');
      assertEquals("x", tree.at(pointer).asText());
    }
  }

  @Nested
  @DisplayName("typing: --set types booleans, null and integers; --set-string keeps strings")
  class Typing {

    @ParameterizedTest(name = "{0}: --set -> {1}, --set-string -> {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            true                 | true                  | "true"
            True                 | true                  | "True"
            TRUE                 | true                  | "TRUE"
            tRuE                 | true                  | "tRuE"
            false                | false                 | "false"
            FALSE                | false                 | "FALSE"
            fAlSe                | false                 | "fAlSe"
            null                 | null                  | "null"
            NULL                 | null                  | "NULL"
            nUlL                 | null                  | "nUlL"
            0                    | 0                     | "0"
            1                    | 1                     | "1"
            -3                   | -3                    | "-3"
            +5                   | 5                     | "+5"
            -0                   | 0                     | "-0"
            9223372036854775807  | 9223372036854775807   | "9223372036854775807"
            # too large for int64: a string
            9223372036854775808  | "9223372036854775808" | "9223372036854775808"
            # a leading zero keeps a string
            007                  | "007"                 | "007"
            00                   | "00"                  | "00"
            0x1F                 | "0x1F"                | "0x1F"
            # no floats, no YAML 1.1 words
            1.5                  | "1.5"                 | "1.5"
            1e3                  | "1e3"                 | "1e3"
            1_000                | "1_000"               | "1_000"
            yes                  | "yes"                 | "yes"
            on                   | "on"                  | "on"
            ~                    | "~"                   | "~"
            """)
    void typesValues(String value, String asSet, String asSetString) throws Exception {
      assertAll(
          () -> assertJson(asSet, parse(Origin.Kind.SET, "a=" + value).tree().get("a"), "--set"),
          () ->
              assertJson(
                  asSetString,
                  parse(Origin.Kind.SET_STRING, "a=" + value).tree().get("a"),
                  "--set-string"));
    }

    @Test
    @DisplayName("--set integers are whole numbers, not text that looks like one")
    void integersAreNumbers() throws Exception {
      JsonNode n = parse(Origin.Kind.SET, "a=12345").tree().get("a");
      assertTrue(n.isIntegralNumber(), n.getNodeType().toString());
      assertEquals(12345L, n.longValue());
    }

    @ParameterizedTest(name = "--set-string {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a=1,b.c=true           | {"a":"1","b":{"c":"true"}}
            a={1,true,null}        | {"a":["1","true","null"]}
            a[1]=2                 | {"a":[null,"2"]}
            a=                     | {"a":""}
            a\\.b=x\\,y            | {"a.b":"x,y"}
            """)
    void setStringUsesTheSameGrammar(String argument, String expectedJson) throws Exception {
      assertParses(Origin.Kind.SET_STRING, argument, expectedJson);
    }
  }

  @Nested
  @DisplayName("--set-json: each value is JSON; key= sets null")
  class SetJson {

    @ParameterizedTest(name = "--set-json {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a=1                          | {"a":1}
            a=1,b=2                      | {"a":1,"b":2}
            a=1.5,b=-2                   | {"a":1.5,"b":-2}
            a="x",b=true,c=false         | {"a":"x","b":true,"c":false}
            a="x,y"                      | {"a":"x,y"}
            a="007"                      | {"a":"007"}
            a=null                       | {"a":null}
            a=                           | {"a":null}
            a=,b=1                       | {"a":null,"b":1}
            a={"b":[1,{"c":null}]}       | {"a":{"b":[1,{"c":null}]}}
            a.b=[1,"x"]                  | {"a":{"b":[1,"x"]}}
            # blanks after a value are skipped, then a comma or the next pair
            a={"x":1}  ,b=2              | {"a":{"x":1},"b":2}
            a=1 b=2                      | {"a":1,"b":2}
            # indexes
            a[1]={"k":"v"}               | {"a":[null,{"k":"v"}]}
            a[0]=null,b=1                | {"a":[null],"b":1}
            a[0]=,b=1                    | {"a":[null],"b":1}
            a[0].b=1                     | {"a":[{"b":1}]}
            """)
    void buildsTheTree(String argument, String expectedJson) throws Exception {
      assertParses(Origin.Kind.SET_JSON, argument, expectedJson);
    }
  }

  @Nested
  @DisplayName("--set-literal: a key path, then the rest of the argument as one string")
  class SetLiteral {

    @ParameterizedTest(name = "--set-literal {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a=x                    | {"a":"x"}
            a=x,b=y                | {"a":"x,b=y"}
            a=b=c                  | {"a":"b=c"}
            a.b=c                  | {"a":{"b":"c"}}
            a=1                    | {"a":"1"}
            a=true                 | {"a":"true"}
            a=null                 | {"a":"null"}
            a={x,y}                | {"a":"{x,y}"}
            a=                     | {"a":""}
            # no escapes: the backslash is part of the key or value
            a=x\\,y                | {"a":"x\\\\,y"}
            a\\.b=c                | {"a\\\\":{"b":"c"}}
            """)
    void buildsTheTree(String argument, String expectedJson) throws Exception {
      assertParses(Origin.Kind.SET_LITERAL, argument, expectedJson);
    }
  }

  @Nested
  @DisplayName("--set-file: each value names a file whose whole text becomes a string")
  class SetFile {
    @TempDir Path dir;
    private Path first;
    private Path second;

    @BeforeEach
    void files() throws IOException {
      first = Files.writeString(dir.resolve("first.txt"), "line one\nline two\n");
      second = Files.writeString(dir.resolve("second.json"), "true");
    }

    private String read(String path) {
      try {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @ParameterizedTest(name = "--set-file {0}  ->  {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            a={first}                | {"a":"line one\\nline two\\n"}
            a={first},b={second}     | {"a":"line one\\nline two\\n","b":"true"}
            a.b={second}             | {"a":{"b":"true"}}
            a[1]={second}            | {"a":[null,"true"]}
            a={{first},{second}}     | {"a":["line one\\nline two\\n","true"]}
            """)
    void readsFiles(String argument, String expectedJson) throws Exception {
      String arg =
          argument.replace("{first}", first.toString()).replace("{second}", second.toString());
      assertJson(expectedJson, parse(Origin.Kind.SET_FILE, arg, 1, this::read).tree(), arg);
    }

    @Test
    @DisplayName("key= sets the empty string without reading any file")
    void emptyValueReadsNothing() throws Exception {
      assertParses(Origin.Kind.SET_FILE, "a=", "{\"a\":\"\"}");
    }

    @Test
    @DisplayName(
        "through the loader, the content is kept byte for byte (CRLF, no trailing newline)")
    void loaderKeepsContent() throws Exception {
      Path crlf = Files.writeString(dir.resolve("crlf.txt"), "a\r\nb");
      LoadedValues v =
          ValuesLoader.create()
              .loadWithoutDefaults(ValueInputs.builder().setFile("x=" + crlf).build());
      assertEquals("a\r\nb", v.tree().get("x").asText());
      assertTrue(v.source(crlf.toString()).isPresent(), "the payload is kept as a source text");
    }

    @Test
    @DisplayName("through the loader, a missing file is input.not-found naming the path")
    void missingFile() {
      Path missing = dir.resolve("missing.txt");
      ValuesException e =
          assertThrows(
              ValuesException.class,
              () ->
                  ValuesLoader.create()
                      .loadWithoutDefaults(ValueInputs.builder().setFile("x=" + missing).build()));
      Finding p = e.problems().get(0);
      assertEquals("input.not-found", p.ruleId());
      assertEquals(missing.toString(), p.file());
    }

    @Test
    @DisplayName("through the loader, a payload that is not UTF-8 is input.not-utf8")
    void notUtf8() throws IOException {
      Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
      ValuesException e =
          assertThrows(
              ValuesException.class,
              () ->
                  ValuesLoader.create()
                      .loadWithoutDefaults(ValueInputs.builder().setFile("x=" + latin1).build()));
      assertEquals("input.not-utf8", e.problems().get(0).ruleId());
    }
  }

  @Nested
  @DisplayName("malformed arguments are errors with Helm's wording")
  class Errors {

    @ParameterizedTest(name = "{0} {1}  ->  {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            SET         | a                   | key "a" has no value
            SET         | a=1,b               | key "b" has no value
            SET         | a,b=1               | key "a" has no value (cannot end with ,)
            SET         | a..b=1              | key map "a" has no value
            # Helm silently ignores a trailing dot; pwk reports it
            SET         | a.                  | key map "a" has no value
            SET         | a={x                | list must terminate with '}'
            SET         | a={x,y              | list must terminate with '}'
            SET         | a[x]=1              | error parsing index: "x" is not a number
            SET         | a[]=1               | error parsing index: "" is not a number
            SET         | a[0                 | error parsing index: missing ']'
            SET         | a[-1]=x             | negative -1 index not allowed
            SET         | a[65537]=x          | index of 65537 is greater than maximum supported index of 65536
            SET         | a[0]x=1             | unexpected data at end of array index: "x"
            SET         | a=1,a.b=2           | cannot set a key below "a": it holds the value number, not a map
            SET         | a=x,a[0]=y          | cannot index "a": it holds the value string, not a list
            SET         | a.b=1,a[0]=2        | cannot index "a": it holds a map, not a list
            SET         | a[0]=1,a[0][0]=2    | cannot index item 0: it holds the value number
            SET_STRING  | a                   | key "a" has no value
            SET_JSON    | a                   | key "a" has no value
            SET_JSON    | a=tru               | invalid JSON value: Unrecognized token 'tru'…
            SET_JSON    | a=[1                | invalid JSON value: …
            SET_JSON    | a=]                 | no JSON value after '='
            SET_LITERAL | a                   | key "a" has no value
            SET_LITERAL | a[0]=x              | list indexes are not supported by --set-literal
            """)
    void rejects(Origin.Kind kind, String argument, String message) {
      SetSyntaxException e = assertThrows(SetSyntaxException.class, () -> parse(kind, argument));
      if (message.endsWith("…")) {
        String prefix = message.substring(0, message.length() - 1);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
      } else {
        assertEquals(message, e.getMessage());
      }
      assertTrue(e.column >= 1 && e.column <= Math.max(1, argument.length()), "column " + e.column);
    }

    @Test
    @DisplayName("keys nested 31 dots deep exceed Helm's limit of 30")
    void tooDeep() {
      String key =
          IntStream.rangeClosed(0, 31).mapToObj(i -> "k" + i).collect(Collectors.joining("."));
      SetSyntaxException e =
          assertThrows(SetSyntaxException.class, () -> parse(Origin.Kind.SET, key + "=x"));
      assertEquals(
          "value name nested level is greater than maximum supported nested level of 30",
          e.getMessage());
    }

    @Test
    @DisplayName(
        "the loader reports every bad argument as set.syntax / set-json.syntax with flag and"
            + " number")
    void throughTheLoader() {
      ValueInputs in =
          ValueInputs.builder().set("ok=1").set("a,b=1").setJson("x=tru").setString("s").build();
      ValuesException e =
          assertThrows(ValuesException.class, () -> ValuesLoader.create().loadWithoutDefaults(in));
      List<Finding> p = e.problems();
      assertEquals(3, p.size(), p.toString());
      // --set-json is applied before --set, and --set before --set-string.
      assertAll(
          () -> assertEquals("input.set-json-syntax", p.get(0).ruleId()),
          () -> assertEquals("--set-json", p.get(0).file()),
          () -> assertTrue(p.get(0).message().startsWith("--set-json #1 'x=tru': invalid JSON")),
          () -> assertEquals("input.set-syntax", p.get(1).ruleId()),
          () -> assertEquals("--set", p.get(1).file()),
          () ->
              assertEquals(
                  "--set #2 'a,b=1': key \"a\" has no value (cannot end with ,)",
                  p.get(1).message()),
          () -> assertEquals(-1, p.get(1).line()),
          () -> assertTrue(p.get(1).column() >= 1),
          () -> assertEquals("input.set-syntax", p.get(2).ruleId()),
          () -> assertEquals("--set-string", p.get(2).file()),
          () -> assertEquals("--set-string #1 's': key \"s\" has no value", p.get(2).message()));
    }
  }

  @Nested
  @DisplayName("origins name the flag, its number and the column of the pair")
  class FlagOrigins {

    @ParameterizedTest(name = "{0} {1}: {2} at column {3}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            SET         | a=1,b=2                  | /a      | 1
            SET         | a=1,b=2                  | /b      | 5
            SET         | a.b=1,a.c=2              | /a      | 1
            SET         | a.b=1,a.c=2              | /a/c    | 7
            SET         | x=1,a.b=2                | /a      | 5
            SET         | x={p,q},y=2              | /x/1    | 1
            SET         | x={p,q},y=2              | /y      | 9
            SET         | a[0].b=1,a[0].c=2        | /a/0/c  | 10
            SET         | a\\.b=1,c=2              | /a.b    | 1
            SET         | a\\.b=1,c=2              | /c      | 8
            SET_STRING  | a=1,b=2                  | /b      | 5
            SET_JSON    | a={"x":[1,2]},b=true     | /a/x/1  | 1
            SET_JSON    | a={"x":[1,2]},b=true     | /b      | 15
            SET_LITERAL | a.b=x,c=y                | /a/b    | 1
            """)
    void recordsThePair(Origin.Kind kind, String argument, String pointer, int column)
        throws Exception {
      Origin o =
          parse(kind, argument, 2, SetArgumentParserTest::noFiles).origins().values.get(pointer);
      assertNotNull(o, "no origin for " + pointer);
      assertAll(
          () -> assertEquals(kind, o.kind()),
          () -> assertEquals(kind.flag(), o.source()),
          () -> assertEquals(argument, o.flagArgument()),
          () -> assertEquals(2, o.flagIndex()),
          () -> assertEquals(-1, o.line()),
          () -> assertEquals(column, o.column()),
          () -> assertTrue(o.isFlag()));
    }

    @Test
    @DisplayName("--set-file values point at their pair too")
    void setFile(@TempDir Path dir) throws Exception {
      Path p = Files.writeString(dir.resolve("p.txt"), "x");
      String arg = "a=" + p + ",b=" + p;
      Origins origins = parse(Origin.Kind.SET_FILE, arg, 1, path -> "x").origins();
      assertEquals(1, origins.values.get("/a").column());
      assertEquals(("a=" + p + ",").length() + 1, origins.values.get("/b").column());
      assertEquals(Origin.Kind.SET_FILE, origins.values.get("/b").kind());
    }

    @Test
    @DisplayName("describe() shows the flag, its number and the argument")
    void describe() throws Exception {
      Origin o =
          parse(Origin.Kind.SET, "a=1", 3, SetArgumentParserTest::noFiles)
              .origins()
              .values
              .get("/a");
      assertEquals("--set #3 (a=1)", o.describe());
      assertFalse(o.describe().contains(":-1"));
    }
  }
}
