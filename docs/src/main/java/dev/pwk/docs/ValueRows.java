package dev.pwk.docs;

import dev.pwk.docs.DocsException.Input;
import dev.pwk.docs.ValuesTree.CommentLine;
import dev.pwk.docs.ValuesTree.Entry;
import dev.pwk.docs.ValuesTree.Item;
import dev.pwk.docs.ValuesTree.ListNode;
import dev.pwk.docs.ValuesTree.MapNode;
import dev.pwk.docs.ValuesTree.Node;
import dev.pwk.docs.ValuesTree.Scalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the helm-docs Values table, following helm-docs' own walk: every leaf is listed until
 * a documented map or list is met; that one gets a row with its whole value as default, and below
 * it only documented keys are listed. Empty maps and lists count as leaves. Rows are sorted by key.
 */
final class ValueRows {
  /** One table row; {@code defaultValue} is already formatted (JSON in backticks). */
  record Row(String key, String type, String defaultValue, String description) {}

  private ValueRows() {}

  static List<Row> of(String valuesYaml) throws DocsException {
    Optional<MapNode> root = ValuesTree.parse(valuesYaml);
    List<Row> rows = new ArrayList<>();
    if (root.isPresent()) {
      fromField(rows, "", List.of(), root.get(), true);
    }
    rows.sort(Comparator.comparing(Row::key, GoJson.GO_STRING_ORDER));
    return List.copyOf(rows);
  }

  private static void fromField(
      List<Row> rows, String key, List<CommentLine> comment, Node node, boolean documentLeaves)
      throws DocsException {
    ValueComment doc = ValueComment.parse(comment);
    if (node instanceof MapNode) {
      List<Entry> entries = ((MapNode) node).entries();
      if (entries.isEmpty()) {
        if (!key.isEmpty() && (documentLeaves || doc.documented())) {
          rows.add(row(key, Map.of(), doc));
        }
        return;
      }
      boolean leaves = documentLeaves;
      if (doc.documented()) {
        rows.add(row(key, ValuesTree.toPlain(node), doc));
        leaves = false;
      }
      for (Entry e : entries) {
        fromField(rows, childKey(key, e.key()), e.comment(), e.value(), leaves);
      }
    } else if (node instanceof ListNode) {
      List<Item> items = ((ListNode) node).items();
      if (items.isEmpty()) {
        if (documentLeaves || doc.documented()) {
          rows.add(row(key, List.of(), doc));
        }
        return;
      }
      boolean leaves = documentLeaves;
      if (doc.documented()) {
        rows.add(row(key, ValuesTree.toPlain(node), doc));
        leaves = false;
      }
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        fromField(rows, key + "[" + i + "]", item.comment(), item.value(), leaves);
      }
    } else if (documentLeaves || doc.documented()) {
      rows.add(row(key, ((Scalar) node).value(), doc));
    }
  }

  /** helm-docs quotes a key holding a dot or a space. */
  private static String childKey(String parent, String key) {
    String k = key.contains(".") || key.contains(" ") ? "\"" + key + "\"" : key;
    return parent.isEmpty() ? k : parent + "." + k;
  }

  private static Row row(String key, Object value, ValueComment doc) throws DocsException {
    String type = doc.type().isEmpty() ? typeName(value) : doc.type();
    String defaultValue;
    if (!doc.defaultValue().isEmpty()) {
      defaultValue = doc.defaultValue();
    } else if (value == null) {
      defaultValue = "`nil`";
    } else {
      try {
        defaultValue = "`" + GoJson.encode(value) + "`";
      } catch (IllegalArgumentException e) {
        throw new DocsException(
            Input.VALUES, -1, "cannot write the default of " + key + " as JSON: " + e.getMessage());
      }
    }
    return new Row(key, type, defaultValue, doc.description());
  }

  private static String typeName(Object value) {
    if (value == null || value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Long) {
      return "int";
    }
    if (value instanceof Double) {
      return "float";
    }
    return value instanceof List ? "list" : "object";
  }
}
