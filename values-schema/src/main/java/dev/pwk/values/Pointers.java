package dev.pwk.values;

/** JSON pointer helpers (RFC 6901). */
final class Pointers {
  private Pointers() {}

  /** The pointer of {@code key} below {@code parent}. */
  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  /** The pointer of list index {@code index} below {@code parent}. */
  static String index(String parent, int index) {
    return parent + "/" + index;
  }
}
