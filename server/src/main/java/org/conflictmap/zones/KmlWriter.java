package org.conflictmap.zones;

import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes zones as KML 2.2 that {@link KmlReader} reads back unchanged: name, description, TimeSpan
 * for the validity, ExtendedData for the kind, and the line colour as a KML style.
 */
public final class KmlWriter {
  private static final String NS = "http://www.opengis.net/kml/2.2";

  private KmlWriter() {}

  public static String write(List<Zone> zones) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("kml");
      x.writeDefaultNamespace(NS);
      x.writeStartElement("Document");
      element(x, "name", "conflictmap zones");
      for (Zone z : zones) {
        placemark(x, z);
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write KML", e);
    }
    return out.toString();
  }

  private static void placemark(XMLStreamWriter x, Zone z) throws XMLStreamException {
    x.writeStartElement("Placemark");
    x.writeAttribute("id", "zone-" + z.id());
    element(x, "name", z.name());
    if (z.description() != null) {
      element(x, "description", z.description());
    }
    x.writeStartElement("TimeSpan");
    element(x, "begin", z.validFrom().toString());
    if (z.validTo() != null) {
      element(x, "end", z.validTo().toString());
    }
    x.writeEndElement();
    Object colour = z.style() == null ? null : z.style().get("color");
    if (colour instanceof String c && c.length() == 7) {
      x.writeStartElement("Style");
      x.writeStartElement("LineStyle");
      // KML colours are aabbggrr
      element(x, "color", "ff" + c.substring(5, 7) + c.substring(3, 5) + c.substring(1, 3));
      x.writeEndElement();
      x.writeEndElement();
    }
    x.writeStartElement("ExtendedData");
    x.writeStartElement("Data");
    x.writeAttribute("name", "kind");
    element(x, "value", z.kind().wire());
    x.writeEndElement();
    x.writeEndElement();
    Geometry g = ZoneGeometry.rfc7946(z.geometry());
    if (g.getNumGeometries() == 1) {
      polygon(x, (Polygon) g.getGeometryN(0));
    } else {
      x.writeStartElement("MultiGeometry");
      for (int i = 0; i < g.getNumGeometries(); i++) {
        polygon(x, (Polygon) g.getGeometryN(i));
      }
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void polygon(XMLStreamWriter x, Polygon p) throws XMLStreamException {
    x.writeStartElement("Polygon");
    ring(x, "outerBoundaryIs", p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(x, "innerBoundaryIs", p.getInteriorRingN(i));
    }
    x.writeEndElement();
  }

  private static void ring(XMLStreamWriter x, String boundary, LineString ring)
      throws XMLStreamException {
    StringBuilder sb = new StringBuilder();
    for (Coordinate c : ring.getCoordinates()) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(c.x).append(',').append(c.y);
    }
    x.writeStartElement(boundary);
    x.writeStartElement("LinearRing");
    element(x, "coordinates", sb.toString());
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text)
      throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }
}
