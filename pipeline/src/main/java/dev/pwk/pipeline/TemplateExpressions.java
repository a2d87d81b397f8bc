package dev.pwk.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether values hold a template expression ({@code {{ ... }}}) that only rendering checks. */
final class TemplateExpressions {
  private TemplateExpressions() {}

  /** True when a string or a key anywhere in {@code node} contains {@code {{}. */
  static boolean in(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().contains("{{");
    }
    for (JsonNode child : node) {
      if (in(child)) {
        return true;
      }
    }
    if (node.isObject()) {
      for (var it = node.fieldNames(); it.hasNext(); ) {
        if (it.next().contains("{{")) {
          return true;
        }
      }
    }
    return false;
  }
}
