package io.github.gridbill.reconcile.statement;

import io.github.gridbill.core.DataFormatException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A small element tree built from a StAX stream for one part of a document (a camt.053 {@code Stmt}), so the reader
 * can address elements by path and name the line and path of anything wrong. Not thread-safe; internal.
 */
final class XmlNode {
  final String name;
  final int line;
  final int ordinal;
  final @Nullable XmlNode parent;
  final String pathPrefix;
  final Map<String, String> attributes = new HashMap<>();
  final List<XmlNode> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private XmlNode(String name, int line, int ordinal, @Nullable XmlNode parent, String pathPrefix) {
    this.name = name;
    this.line = line;
    this.ordinal = ordinal;
    this.parent = parent;
    this.pathPrefix = pathPrefix;
  }

  /**
   * Reads the element the stream is positioned on (a START_ELEMENT) with everything inside it; leaves the stream on
   * its END_ELEMENT.
   *
   * @param r the stream, on a START_ELEMENT
   * @param ordinal the element's position among same-named siblings, 1-based
   * @param pathPrefix the path of the parent for messages, for example {@code "Document/BkToCstmrStmt"}
   * @return the element
   * @throws XMLStreamException if the XML is not well-formed
   */
  static XmlNode read(XMLStreamReader r, int ordinal, String pathPrefix) throws XMLStreamException {
    XmlNode root = new XmlNode(r.getLocalName(), r.getLocation().getLineNumber(), ordinal, null, pathPrefix);
    root.readAttributes(r);
    XmlNode current = root;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        int ord = 1;
        for (XmlNode c : current.children) {
          if (c.name.equals(n)) {
            ord++;
          }
        }
        XmlNode child = new XmlNode(n, r.getLocation().getLineNumber(), ord, current, "");
        child.readAttributes(r);
        current.children.add(child);
        current = child;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (current == root) {
          return root;
        }
        current = java.util.Objects.requireNonNull(current.parent);
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE) {
        current.text.append(r.getText());
      }
    }
  }

  private void readAttributes(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
    }
  }

  /** The element's own text, trimmed. */
  String text() {
    return text.toString().trim();
  }

  /** The first child with a name, or null. */
  @Nullable XmlNode child(String childName) {
    for (XmlNode c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** Every child with a name, in order. */
  List<XmlNode> all(String childName) {
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The descendant at a path of child names, or null. */
  @Nullable XmlNode at(String... names) {
    XmlNode n = this;
    for (String s : names) {
      n = n.child(s);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** The trimmed text at a path, or null when absent or empty. */
  @Nullable String textAt(String... names) {
    XmlNode n = at(names);
    if (n == null) {
      return null;
    }
    String t = n.text();
    return t.isEmpty() ? null : t;
  }

  /** The element's path, for example {@code "Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt[1]"}. */
  String path() {
    String own = name + "[" + ordinal + "]";
    XmlNode p = parent;
    return p == null ? (pathPrefix.isEmpty() ? own : pathPrefix + "/" + own) : p.path() + "/" + own;
  }

  /** {@code "line 57, Document/.../Amt[1]"}. */
  String location() {
    return "line " + line + ", " + path();
  }

  /** A format error at this element. */
  DataFormatException error(String source, String field, @Nullable Object value, String reason) {
    return new DataFormatException(source, location(), field, value, reason);
  }
}
