package dev.pwk.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON patch that turns one document into another, computed the way the {@code jsonpatch}
 * package's {@code make_patch} does (which Prefect's {@code JsonPatch.from_diff} calls): maps key
 * by key, lists index by index, scalars compared as JSON text (so {@code 1} and {@code "1"}
 * differ), and an added value equal to a removed one paired into a move. Equal nodes are equal as
 * text, so only unequal scalars are written out to be compared.
 */
final class JsonDiff {
  /** What an operation does. */
  enum Kind {
    ADD,
    REMOVE,
    REPLACE
  }

  /**
   * One operation of the patch; a move is not listed.
   *
   * @param kind what it does
   * @param path the pointer it applies to
   * @param value the value added or put in place, or the value removed
   */
  record Op(Kind kind, String path, JsonNode value) {}

  private final List<Op> ops = new ArrayList<>();

  private JsonDiff() {}

  /** The operations that turn {@code src} into {@code dst}, moves left out. */
  static List<Op> between(JsonNode src, JsonNode dst) {
    JsonDiff d = new JsonDiff();
    d.compareValues("", src, dst);
    return d.pairMoves();
  }

  private void compareDicts(String path, JsonNode src, JsonNode dst) {
    Set<String> srcKeys = keys(src);
    Set<String> dstKeys = keys(dst);
    for (String k : srcKeys) {
      if (!dstKeys.contains(k)) {
        ops.add(new Op(Kind.REMOVE, Pointers.child(path, k), src.get(k)));
      }
    }
    for (String k : dstKeys) {
      if (!srcKeys.contains(k)) {
        ops.add(new Op(Kind.ADD, Pointers.child(path, k), dst.get(k)));
      }
    }
    for (String k : srcKeys) {
      if (dstKeys.contains(k)) {
        compareValues(Pointers.child(path, k), src.get(k), dst.get(k));
      }
    }
  }

  private void compareLists(String path, JsonNode src, JsonNode dst) {
    int min = Math.min(src.size(), dst.size());
    int max = Math.max(src.size(), dst.size());
    for (int i = 0; i < max; i++) {
      if (i < min) {
        JsonNode old = src.get(i);
        JsonNode now = dst.get(i);
        if (old.equals(now)) {
          continue;
        }
        if ((old.isObject() && now.isObject()) || (old.isArray() && now.isArray())) {
          compareValues(Pointers.child(path, i), old, now);
        } else {
          ops.add(new Op(Kind.REMOVE, Pointers.child(path, i), old));
          ops.add(new Op(Kind.ADD, Pointers.child(path, i), now));
        }
      } else if (src.size() > dst.size()) {
        ops.add(new Op(Kind.REMOVE, Pointers.child(path, dst.size()), src.get(i)));
      } else {
        ops.add(new Op(Kind.ADD, Pointers.child(path, i), dst.get(i)));
      }
    }
  }

  private void compareValues(String path, JsonNode src, JsonNode dst) {
    if (src.isObject() && dst.isObject()) {
      compareDicts(path, src, dst);
    } else if (src.isArray() && dst.isArray()) {
      compareLists(path, src, dst);
    } else if (!src.equals(dst) && !src.toString().equals(dst.toString())) {
      ops.add(new Op(Kind.REPLACE, path, dst));
    }
  }

  /** An add and a remove of the same value become one move, which is left out. */
  private List<Op> pairMoves() {
    List<Op> out = new ArrayList<>(ops);
    for (Iterator<Op> adds = ops.iterator(); adds.hasNext(); ) {
      Op add = adds.next();
      if (add.kind() != Kind.ADD) {
        continue;
      }
      for (Op remove : out) {
        if (remove.kind() == Kind.REMOVE
            && remove.value().toString().equals(add.value().toString())) {
          out.remove(remove);
          out.remove(add);
          break;
        }
      }
    }
    return out;
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> keys = new TreeSet<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
