package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the Placemarks of a KML file as GeoJSON Features, so they go through the same checks as any
 * other zone. The XML parser is hardened: a DOCTYPE (and with it every entity, internal or
 * external) is refused, nothing is fetched, and a file with a NetworkLink is refused rather than
 * partly imported, because its zones would live somewhere we never read.
 *
 * <p>Mapped: name, description, TimeSpan begin/end → valid_from/valid_to, ExtendedData Data
 * elements named like a zone property (kind, valid_from, valid_to, description, name); other Data
 * are passed on as properties and so listed as ignored. Geometry: Polygon, or a MultiGeometry of
 * Polygons.
 */
final class KmlReader {
  private KmlReader() {}

  static List<JsonNode> features(byte[] file, ObjectMapper json) {
    Document doc = parse(file);
    if (doc.getElementsByTagNameNS("*", "NetworkLink").getLength() > 0) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "KML network links refused",
          "the file contains a NetworkLink: linked content is never fetched, so the import would be"
              + " incomplete; download the linked KML and import it directly");
    }
    List<JsonNode> out = new ArrayList<>();
    NodeList placemarks = doc.getElementsByTagNameNS("*", "Placemark");
    for (int i = 0; i < placemarks.getLength(); i++) {
      out.add(feature((Element) placemarks.item(i), json));
    }
    return out;
  }

  private static Document parse(byte[] file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      // nothing is ever resolved: an entity that slips past the checks above resolves to nothing
      b.setEntityResolver(
          (publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
      return b.parse(new ByteArrayInputStream(file));
    } catch (SAXException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("DOCTYPE")) {
        throw new InputException(
            Kind.UNPROCESSABLE,
            "KML with a DOCTYPE refused",
            "the file declares a DOCTYPE; DTDs and entities (internal or external) are not"
                + " accepted, and nothing they point to is read");
      }
      throw new InputException(
          Kind.MALFORMED, "Malformed KML", "the file is not well-formed XML: " + m);
    } catch (IOException e) {
      // an encoding the JDK does not know, or bytes that are not in the declared one
      throw new InputException(
          Kind.MALFORMED,
          "Malformed KML",
          "the file cannot be read as XML in its declared encoding (use UTF-8)");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("cannot set up the KML parser", e);
    }
  }

  private static JsonNode feature(Element placemark, ObjectMapper json) {
    ObjectNode f = json.createObjectNode();
    f.put("type", "Feature");
    ObjectNode props = f.putObject("properties");
    text(placemark, "name").ifPresent(v -> props.put("name", v));
    text(placemark, "description").ifPresent(v -> props.put("description", v));
    for (Element span : children(placemark, "TimeSpan")) {
      text(span, "begin").ifPresent(v -> props.put("valid_from", day(v)));
      text(span, "end").ifPresent(v -> props.put("valid_to", day(v)));
    }
    for (Element ext : children(placemark, "ExtendedData")) {
      for (Element data : children(ext, "Data")) {
        String key = data.getAttribute("name");
        if (!key.isEmpty()) {
          text(data, "value").ifPresent(v -> props.put(key, v));
        }
      }
    }
    f.set("geometry", geometry(placemark, json));
    return f;
  }

  private static JsonNode geometry(Element placemark, ObjectMapper json) {
    List<Element> polygons = new ArrayList<>();
    collectPolygons(placemark, polygons);
    if (polygons.isEmpty()) {
      ObjectNode g = json.createObjectNode();
      // a Placemark with a point or a line: refused by the same check as any other non-polygon
      g.put("type", firstGeometryName(placemark));
      g.putArray("coordinates");
      return g;
    }
    ObjectNode g = json.createObjectNode();
    if (polygons.size() == 1) {
      g.put("type", "Polygon");
      g.set("coordinates", rings(polygons.get(0), json));
    } else {
      g.put("type", "MultiPolygon");
      ArrayNode parts = g.putArray("coordinates");
      polygons.forEach(p -> parts.add(rings(p, json)));
    }
    return g;
  }

  /** Deeper MultiGeometry nesting than any real file has is refused, not recursed into. */
  static final int MAX_NESTING = 64;

  private static void collectPolygons(Element e, List<Element> out) {
    collectPolygons(e, out, 0);
  }

  private static void collectPolygons(Element e, List<Element> out, int depth) {
    if (depth > MAX_NESTING) {
      throw new InputException(
          Kind.UNPROCESSABLE,
          "KML nested too deeply",
          "MultiGeometry is nested more than " + MAX_NESTING + " levels deep");
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        if (c.getLocalName().equals("Polygon")) {
          out.add(c);
        } else if (c.getLocalName().equals("MultiGeometry")) {
          collectPolygons(c, out, depth + 1);
        }
      }
    }
  }

  private static String firstGeometryName(Element placemark) {
    for (String name : List.of("Point", "LineString", "LinearRing", "Model", "Track")) {
      if (!children(placemark, name).isEmpty()) {
        return name;
      }
    }
    return "none";
  }

  private static ArrayNode rings(Element polygon, ObjectMapper json) {
    ArrayNode rings = json.createArrayNode();
    for (Element outer : children(polygon, "outerBoundaryIs")) {
      children(outer, "LinearRing").forEach(r -> rings.add(positions(r, json)));
    }
    for (Element inner : children(polygon, "innerBoundaryIs")) {
      children(inner, "LinearRing").forEach(r -> rings.add(positions(r, json)));
    }
    return rings;
  }

  /** KML coordinates are "lon,lat[,alt]" tuples separated by white space. */
  private static ArrayNode positions(Element ring, ObjectMapper json) {
    ArrayNode out = json.createArrayNode();
    String raw = text(ring, "coordinates").orElse("");
    for (String tuple : raw.strip().split("\\s+")) {
      if (tuple.isEmpty()) {
        continue;
      }
      String[] parts = tuple.split(",");
      ArrayNode p = out.addArray();
      for (int i = 0; i < Math.min(parts.length, 2); i++) {
        try {
          p.add(Double.parseDouble(parts[i]));
        } catch (NumberFormatException e) {
          p.add(parts[i]); // reported by the geometry check as a malformed position
        }
      }
    }
    return out;
  }

  private static String day(String dateTime) {
    return dateTime.length() > 10 && dateTime.charAt(10) == 'T'
        ? dateTime.substring(0, 10)
        : dateTime;
  }

  private static java.util.Optional<String> text(Element parent, String localName) {
    List<Element> c = children(parent, localName);
    return c.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(c.get(0).getTextContent().strip());
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && localName.equals(c.getLocalName())) {
        out.add(c);
      }
    }
    return out;
  }
}
