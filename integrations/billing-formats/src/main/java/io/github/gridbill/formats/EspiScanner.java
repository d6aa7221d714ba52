package io.github.gridbill.formats;

import io.github.gridbill.core.DataFormatException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Streams an Atom/ESPI document with StAX (no DTDs, no external entities) and hands each entry to a handler: small
 * contents as a tiny element tree, IntervalBlocks as primitive arrays of one block. Memory is one entry at a time.
 */
final class EspiScanner {

  /** What the scanner reports. */
  interface Handler {
    /**
     * A non-block entry.
     *
     * @param head the entry's links and identity
     * @param content the first element inside {@code content}, or null when the entry has none
     */
    void entry(EntryHead head, @Nullable XNode content);

    /**
     * An IntervalBlock entry.
     *
     * @param head the entry's links and identity
     * @param block the block's readings (reused after the call)
     */
    void block(EntryHead head, BlockBuffer block);
  }

  /** An Atom entry's identity and links. */
  static final class EntryHead {
    int index;
    int line;
    @Nullable String id;
    @Nullable String title;
    @Nullable String self;
    @Nullable String up;
    final List<String> related = new ArrayList<>();

    String where() {
      return "entry " + index + " (line " + line + ")";
    }

    void reset(int index, int line) {
      this.index = index;
      this.line = line;
      id = null;
      title = null;
      self = null;
      up = null;
      related.clear();
    }
  }

  /** A minimal element: local name, text, children, start line. */
  static final class XNode {
    final String name;
    final int line;
    final StringBuilder text = new StringBuilder();
    final List<XNode> children = new ArrayList<>();

    XNode(String name, int line) {
      this.name = name;
      this.line = line;
    }

    @Nullable XNode child(String local) {
      for (XNode c : children) {
        if (c.name.equals(local)) {
          return c;
        }
      }
      return null;
    }

    String text() {
      return text.toString().trim();
    }
  }

  /** The readings of one IntervalBlock, in arrays reused from block to block. */
  static final class BlockBuffer {
    int size;
    long[] start = new long[128];
    long[] duration = new long[128];
    long[] value = new long[128];
    int[] line = new int[128];
    /** ESPI quality code of the reading, or -1 when it has none. */
    int[] quality = new int[128];
    boolean[] hasCost = new boolean[128];
    long[] cost = new long[128];
    long intervalStart = Long.MIN_VALUE;
    long intervalDuration = -1;
    int blockLine;

    void reset(int blockLine) {
      size = 0;
      intervalStart = Long.MIN_VALUE;
      intervalDuration = -1;
      this.blockLine = blockLine;
    }

    int add() {
      if (size == start.length) {
        int n = size * 2;
        start = Arrays.copyOf(start, n);
        duration = Arrays.copyOf(duration, n);
        value = Arrays.copyOf(value, n);
        line = Arrays.copyOf(line, n);
        quality = Arrays.copyOf(quality, n);
        hasCost = Arrays.copyOf(hasCost, n);
        cost = Arrays.copyOf(cost, n);
      }
      int i = size++;
      start[i] = Long.MIN_VALUE;
      duration[i] = -1;
      value[i] = 0;
      quality[i] = -1;
      hasCost[i] = false;
      cost[i] = 0;
      return i;
    }
  }

  private static final XMLInputFactory FACTORY = secureFactory();

  private static XMLInputFactory secureFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private final String source;
  private final Handler handler;
  private final boolean wantEntries;
  private final EntryHead head = new EntryHead();
  private final BlockBuffer block = new BlockBuffer();

  private EspiScanner(String source, Handler handler, boolean wantEntries) {
    this.source = source;
    this.handler = handler;
    this.wantEntries = wantEntries;
  }

  /**
   * Scans a document.
   *
   * @param source the source name for errors
   * @param in the stream (not closed)
   * @param handler the handler
   * @param wantEntries whether non-block entries are parsed and reported (false skips them)
   * @throws DataFormatException if the document is not well-formed, has a DTD, or a reading is malformed
   */
  static void scan(String source, InputStream in, Handler handler, boolean wantEntries) {
    new EspiScanner(source, handler, wantEntries).run(in);
  }

  private void run(InputStream in) {
    XMLStreamReader r = null;
    try {
      r = FACTORY.createXMLStreamReader(in);
      int entries = 0;
      int depth = 0;
      boolean rootIsEntry = false;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          throw new DataFormatException(source, loc(r.getLocation()), "DOCTYPE", null,
              "must not be present: DTDs and entities are refused");
        }
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          if (depth == 1) {
            rootIsEntry = name.equals("entry");
            if (!rootIsEntry && !name.equals("feed")) {
              throw new DataFormatException(source, loc(r.getLocation()), "root element", name,
                  "must be an Atom feed or entry");
            }
            if (rootIsEntry) {
              entry(r, ++entries);
              depth--;
            }
          } else if (depth == 2 && name.equals("entry")) {
            entry(r, ++entries);
            depth--;
          } else {
            skip(r);
            depth--;
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      throw new DataFormatException(source, l == null ? "document" : loc(l), "xml", null,
          "must be well-formed XML without DTD or entities (" + e.getMessage() + ")", e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  static String loc(Location l) {
    return "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
  }

  /** At START_ELEMENT entry; returns at its END_ELEMENT. */
  private void entry(XMLStreamReader r, int index) throws XMLStreamException {
    head.reset(index, r.getLocation().getLineNumber());
    XNode content = null;
    boolean isBlock = false;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      switch (name) {
        case "link": {
          String rel = r.getAttributeValue(null, "rel");
          String href = r.getAttributeValue(null, "href");
          if (href != null) {
            if ("self".equals(rel)) {
              head.self = href.trim();
            } else if ("up".equals(rel)) {
              head.up = href.trim();
            } else if ("related".equals(rel)) {
              head.related.add(href.trim());
            }
          }
          skip(r);
          break;
        }
        case "id":
          head.id = r.getElementText().trim();
          break;
        case "title":
          head.title = r.getElementText().trim();
          break;
        case "content": {
          while (true) {
            int e2 = r.next();
            if (e2 == XMLStreamConstants.END_ELEMENT) {
              break;
            }
            if (e2 != XMLStreamConstants.START_ELEMENT) {
              continue;
            }
            if (r.getLocalName().equals("IntervalBlock")) {
              isBlock = true;
              block.reset(r.getLocation().getLineNumber());
              intervalBlock(r);
            } else if (content == null && wantEntries) {
              content = tree(r);
            } else {
              skip(r);
            }
          }
          break;
        }
        default:
          skip(r);
      }
    }
    if (isBlock) {
      handler.block(head, block);
    } else if (wantEntries) {
      handler.entry(head, content);
    }
  }

  private void intervalBlock(XMLStreamReader r) throws XMLStreamException {
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (name.equals("interval")) {
        period(r, "IntervalBlock/interval", false, r.getLocation().getLineNumber());
        block.intervalStart = periodStart;
        block.intervalDuration = periodDuration;
      } else if (name.equals("IntervalReading")) {
        reading(r);
      } else {
        skip(r);
      }
    }
  }

  private void reading(XMLStreamReader r) throws XMLStreamException {
    int i = block.add();
    int line = r.getLocation().getLineNumber();
    block.line[i] = line;
    boolean hasValue = false;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      switch (name) {
        case "timePeriod": {
          period(r, "IntervalReading/timePeriod", true, line);
          block.start[i] = periodStart;
          block.duration[i] = periodDuration;
          break;
        }
        case "value":
          block.value[i] = number(r, "IntervalReading/value", line);
          hasValue = true;
          break;
        case "cost":
          block.cost[i] = number(r, "IntervalReading/cost", line);
          block.hasCost[i] = true;
          break;
        case "ReadingQuality": {
          while (true) {
            int e2 = r.next();
            if (e2 == XMLStreamConstants.END_ELEMENT) {
              break;
            }
            if (e2 == XMLStreamConstants.START_ELEMENT) {
              if (r.getLocalName().equals("quality")) {
                long q = number(r, "IntervalReading/ReadingQuality/quality", line);
                if (block.quality[i] <= 0) {
                  block.quality[i] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, q));
                }
              } else {
                skip(r);
              }
            }
          }
          break;
        }
        default:
          skip(r);
      }
    }
    if (block.start[i] == Long.MIN_VALUE) {
      throw new DataFormatException(source, "line " + line, "IntervalReading/timePeriod/start", null,
          "must be present");
    }
    if (!hasValue) {
      throw new DataFormatException(source, "line " + line, "IntervalReading/value", null, "must be present");
    }
  }

  private long periodStart;
  private long periodDuration;

  /** Reads a DateTimeInterval into {@link #periodStart} and {@link #periodDuration} (-1 when absent, not required). */
  private void period(XMLStreamReader r, String what, boolean durationRequired, int line) throws XMLStreamException {
    long start = Long.MIN_VALUE;
    long duration = -1;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (name.equals("start")) {
        start = number(r, what + "/start", line);
      } else if (name.equals("duration")) {
        duration = number(r, what + "/duration", line);
        if (duration <= 0) {
          throw new DataFormatException(source, "line " + line, what + "/duration", duration, "must be positive");
        }
      } else {
        skip(r);
      }
    }
    if (start == Long.MIN_VALUE) {
      throw new DataFormatException(source, "line " + line, what + "/start", null, "must be present");
    }
    if (durationRequired && duration < 0) {
      throw new DataFormatException(source, "line " + line, what + "/duration", null, "must be present");
    }
    periodStart = start;
    periodDuration = duration;
  }

  /**
   * Reads a whole number element's text straight from the parser's character buffer (no String for the common case).
   *
   * @param line the line reported on error (the enclosing reading's)
   */
  private long number(XMLStreamReader r, String field, int line) throws XMLStreamException {
    long v = 0;
    int digits = 0;
    boolean negative = false;
    boolean done = false;
    StringBuilder raw = null;
    boolean bad = false;
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        throw new DataFormatException(source, "line " + line, field, "<" + r.getLocalName() + ">",
            "must be a whole number, not an element");
      }
      if (ev != XMLStreamConstants.CHARACTERS && ev != XMLStreamConstants.CDATA && ev != XMLStreamConstants.SPACE) {
        continue;
      }
      char[] buf = r.getTextCharacters();
      int from = r.getTextStart();
      int to = from + r.getTextLength();
      for (int i = from; i < to && !bad; i++) {
        char c = buf[i];
        if (c >= '0' && c <= '9' && !done) {
          if (digits == 18) {
            bad = true;
          }
          v = v * 10 + (c - '0');
          digits++;
        } else if (c == '-' && digits == 0 && !negative && !done) {
          negative = true;
        } else if (Character.isWhitespace(c)) {
          done = digits > 0 || negative;
        } else {
          bad = true;
        }
      }
      if (bad && raw == null) {
        raw = new StringBuilder().append(buf, from, Math.min(to - from, 64));
      } else if (digits == 0 && raw == null) {
        raw = new StringBuilder().append(buf, from, Math.min(to - from, 64));
      }
    }
    if (bad || digits == 0) {
      String text = raw == null ? "" : raw.toString().trim();
      throw new DataFormatException(source, "line " + line, field, "\"" + text + "\"",
          "must be a whole number" + (digits >= 18 ? " of at most 18 digits" : ""));
    }
    return negative ? -v : v;
  }

  private static XNode tree(XMLStreamReader r) throws XMLStreamException {
    XNode node = new XNode(r.getLocalName(), r.getLocation().getLineNumber());
    while (true) {
      int ev = r.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        return node;
      }
      if (ev == XMLStreamConstants.START_ELEMENT) {
        node.children.add(tree(r));
      } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        node.text.append(r.getText());
      }
    }
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
