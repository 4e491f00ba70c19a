package org.conflictmap.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 documents into {@link ParsedFeed}s.
 *
 * <p>The XML parser refuses any document type declaration: a feed has no use for one, and a DTD is
 * how external entities (XXE: reading local files, fetching internal URLs) and entity expansion
 * bombs get in. Nothing outside the bytes given is ever read.
 */
public final class FeedParser {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

  private static final int MAX_LINK_CHARS = 2000;
  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private FeedParser() {}

  /**
   * Parses a feed fetched from {@code base} (relative links are resolved against it).
   *
   * @throws FeedException MALFORMED for bad XML or a document that is no feed, REFUSED for a DTD
   */
  public static ParsedFeed parse(byte[] xml, URI base) throws FeedException {
    return parse(xml, base, Optional.empty());
  }

  /**
   * Parses a feed whose HTTP Content-Type named {@code charset}. As RFC 7303 says, that charset
   * wins over the XML declaration: servers of Arabic and Cyrillic news often send windows-1256 or
   * KOI8-R text with no declaration at all. A byte-order mark wins over both.
   */
  public static ParsedFeed parse(byte[] xml, URI base, Optional<Charset> charset)
      throws FeedException {
    InputSource source =
        charset.isPresent() && !hasByteOrderMark(xml)
            ? new InputSource(new StringReader(new String(xml, charset.get())))
            : new InputSource(new ByteArrayInputStream(xml));
    Element root = document(source).getDocumentElement();
    String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
    return switch (name) {
      case "rss" -> rss(root, base);
      case "RDF" -> rdf(root, base);
      case "feed" -> atom(root, base);
      default ->
          throw new FeedException(
              FeedException.Reason.MALFORMED,
              "not an RSS or Atom feed: the document is <" + root.getNodeName() + ">");
    };
  }

  private static boolean hasByteOrderMark(byte[] b) {
    return b.length >= 2
        && ((b[0] & 0xff) == 0xEF && b.length >= 3 && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
            || (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF
            || (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE);
  }

  private static Document document(InputSource xml) throws FeedException {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(RAISE);
      // no entity is ever resolved; this is a second lock behind the refused DOCTYPE
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      return builder.parse(xml);
    } catch (SAXParseException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("DOCTYPE")) {
        throw new FeedException(
            FeedException.Reason.REFUSED,
            "the feed declares a DTD (<!DOCTYPE>), which is refused: entities in it could read"
                + " local files or other addresses",
            e);
      }
      throw new FeedException(
          FeedException.Reason.MALFORMED,
          "malformed XML at line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + message,
          e);
    } catch (SAXException | IOException e) {
      throw new FeedException(
          FeedException.Reason.MALFORMED, "unreadable XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
    }
  }

  private static ParsedFeed rss(Element root, URI base) throws FeedException {
    Element channel = child(root, null, "channel");
    if (channel == null) {
      throw new FeedException(FeedException.Reason.MALFORMED, "RSS without a <channel>");
    }
    List<FeedItem> items = new ArrayList<>();
    for (Element item : children(channel, "item")) {
      items.add(rssItem(item, base, text(child(item, null, "guid"))));
    }
    return new ParsedFeed("rss", plain(text(child(channel, null, "title"))), items);
  }

  private static ParsedFeed rdf(Element root, URI base) {
    List<FeedItem> items = new ArrayList<>();
    for (Element item : children(root, "item")) {
      String about = item.getAttributeNS(RDF, "about");
      items.add(rssItem(item, base, about.isBlank() ? null : about.strip()));
    }
    Element channel = child(root, null, "channel");
    return new ParsedFeed(
        "rdf", channel == null ? null : plain(text(child(channel, null, "title"))), items);
  }

  private static FeedItem rssItem(Element item, URI base, String guid) {
    String encoded = text(child(item, CONTENT, "encoded"));
    String description = text(child(item, null, "description"));
    OffsetDateTime published =
        date(child(item, null, "pubDate"))
            .or(() -> date(child(item, DUBLIN_CORE, "date")))
            .orElse(null);
    return new FeedItem(
        blankToNull(guid),
        link(text(child(item, null, "link")), base),
        plain(text(child(item, null, "title"))),
        plain(encoded != null && !encoded.isBlank() ? encoded : description),
        published,
        null);
  }

  private static ParsedFeed atom(Element root, URI base) throws FeedException {
    if (!ATOM.equals(root.getNamespaceURI())) {
      throw new FeedException(
          FeedException.Reason.MALFORMED,
          "a <feed> outside the Atom namespace " + ATOM + " is not an Atom feed");
    }
    List<FeedItem> items = new ArrayList<>();
    for (Element entry : children(root, "entry")) {
      Element content = child(entry, ATOM, "content");
      String body = atomText(content);
      if (body == null || body.isBlank()) {
        body = atomText(child(entry, ATOM, "summary"));
      }
      items.add(
          new FeedItem(
              blankToNull(text(child(entry, ATOM, "id"))),
              atomLink(entry, base),
              atomText(child(entry, ATOM, "title")),
              body,
              date(child(entry, ATOM, "published")).orElse(null),
              date(child(entry, ATOM, "updated")).orElse(null)));
    }
    return new ParsedFeed("atom", atomText(child(root, ATOM, "title")), items);
  }

  /** Atom text constructs: type="text" is text, "html" is escaped HTML, "xhtml" is markup. */
  private static String atomText(Element e) {
    if (e == null) {
      return null;
    }
    String type = e.getAttribute("type").toLowerCase(Locale.ROOT);
    if (type.equals("xhtml") || type.endsWith("xhtml+xml")) {
      return plain(markup(e));
    }
    if (type.isEmpty() || type.equals("text") || type.startsWith("text/plain")) {
      return blankToNull(HtmlText.plain(escapeMarkup(e.getTextContent())));
    }
    return plain(e.getTextContent());
  }

  /** The rel="alternate" link (the default relation), else the first link with an href. */
  private static String atomLink(Element entry, URI base) {
    String first = null;
    for (Element link : children(entry, "link")) {
      String href = link.getAttribute("href");
      if (href.isBlank()) {
        continue;
      }
      String rel = link.getAttribute("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        return link(href, base);
      }
      first = first == null ? href : first;
    }
    return link(first, base);
  }

  /** An absolute http(s) link, resolved against the feed; anything else is no link at all. */
  private static String link(String raw, URI base) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      URI u = base == null ? new URI(raw.strip()) : base.resolve(raw.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      String s = u.toString();
      // longer than the store keeps: better an article without its link than no article
      return (scheme.equals("http") || scheme.equals("https"))
              && u.getHost() != null
              && s.length() <= MAX_LINK_CHARS
          ? s
          : null;
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return null;
    }
  }

  private static Optional<OffsetDateTime> date(Element e) {
    return e == null ? Optional.empty() : FeedDates.parse(e.getTextContent());
  }

  /** The element's children serialised as they were, for HtmlText to flatten. */
  private static String markup(Element e) {
    StringBuilder out = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      serialise(n, out);
    }
    return out.toString();
  }

  private static void serialise(Node n, StringBuilder out) {
    if (n.getNodeType() == Node.ELEMENT_NODE) {
      String name = n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
      out.append('<').append(name).append('>');
      for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
        serialise(c, out);
      }
      out.append("</").append(name).append('>');
    } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
      out.append(escapeMarkup(n.getNodeValue()));
    }
  }

  private static String escapeMarkup(String s) {
    return s == null ? null : s.replace("&", "&amp;").replace("<", "&lt;");
  }

  private static String plain(String html) {
    return html == null ? null : blankToNull(HtmlText.plain(html));
  }

  private static String text(Element e) {
    return e == null ? null : e.getTextContent();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The first child element with this local name (and namespace, when one is given). */
  private static Element child(Element parent, String namespace, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && localName.equals(e.getLocalName())
          && (namespace == null
              ? e.getNamespaceURI() == null || isFeedNamespace(e.getNamespaceURI())
              : namespace.equals(e.getNamespaceURI()))) {
        return e;
      }
    }
    return null;
  }

  /** RSS 2.0 has no namespace; RSS 1.0 puts its own elements in one. */
  private static boolean isFeedNamespace(String ns) {
    return ns.equals("http://purl.org/rss/1.0/");
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static final ErrorHandler RAISE =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /** OWASP's settings for the JDK's DOM parser: no DOCTYPE, no external anything, no XInclude. */
  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setValidating(false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a required safety feature", e);
    }
    return f;
  }
}
