package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** JSON pointers (RFC 6901) into the values tree, and their dotted display form. */
final class Pointers {
  private Pointers() {}

  static String child(String parent, String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return parent + "/" + name;
    }
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(unescape(s));
    }
    return out;
  }

  /** True when {@code pointer} is {@code ancestor} or lies below it. */
  static boolean isAtOrBelow(String pointer, String ancestor) {
    return ancestor.isEmpty() || pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
  }

  /**
   * The dotted form users write in values and flags, e.g. {@code worker.image.pullSecrets[0]} or
   * {@code commonLabels["app.kubernetes.io/name"]}; list indexes are recognised from {@code root}.
   */
  static String display(String pointer, JsonNode root) {
    if (pointer.isEmpty()) {
      return "(root)";
    }
    StringBuilder sb = new StringBuilder();
    JsonNode node = root;
    for (String name : segments(pointer)) {
      if (node != null && node.isArray() && isIndex(name)) {
        sb.append('[').append(name).append(']');
        node = node.get(Integer.parseInt(name));
        continue;
      }
      if (name.isEmpty() || name.chars().anyMatch(c -> c == '.' || c == '/' || c == ' ')) {
        sb.append("[\"").append(name).append("\"]");
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
      node = node == null ? null : node.get(name);
    }
    return sb.toString();
  }

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  private static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
