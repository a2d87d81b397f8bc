package dev.pwk.validator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A JSON string node that prints itself as JSON without Jackson's databind mapper. networknt prints
 * every {@code enum} value of a schema with {@link Object#toString()} when it builds the schema;
 * for a plain {@link TextNode} that initialises an {@code ObjectMapper} and, through its date
 * format, the JDK's calendar and locale data: about a seventh of a {@code pwk lint} start. Equal to
 * a {@link TextNode} with the same text, and the other way round.
 */
final class PlainTextNode extends TextNode {
  private static final long serialVersionUID = 1L;

  PlainTextNode(String text) {
    super(text);
  }

  @Override
  public String toString() {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(textValue())) + "\"";
  }
}
