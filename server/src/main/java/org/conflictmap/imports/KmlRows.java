package org.conflictmap.imports;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads KML Placemarks one at a time (StAX, streaming): the fields of {@code ExtendedData} (our
 * export writes every CSV column there), the Point's coordinates, and when the data gives none the
 * {@code TimeStamp} as event_date and the {@code description} as notes. A DOCTYPE is refused, so no
 * entity is expanded and nothing is fetched.
 */
final class KmlRows {
  private KmlRows() {}

  static boolean read(InputStream in, RowSink sink) {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    int row = 0;
    try {
      XMLStreamReader x = f.createXMLStreamReader(in);
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.DTD) {
          sink.problem(
              new RowProblem(
                  0, null, "the file declares a DOCTYPE: DTDs and entities are not accepted"));
          return false;
        }
        if (ev == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Placemark")) {
          placemark(++row, x, sink);
        }
      }
      return true;
    } catch (XMLStreamException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber();
      sink.problem(
          new RowProblem(
              row + 1,
              null,
              "the file is not well-formed XML in its declared encoding (use UTF-8)" + where));
      return false;
    }
  }

  private static void placemark(int row, XMLStreamReader x, RowSink sink)
      throws XMLStreamException {
    Map<String, String> fields = new HashMap<>();
    String description = null;
    String when = null;
    String coordinates = null;
    boolean point = false;
    int depth = 1;
    String data = null;
    while (depth > 0) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        switch (x.getLocalName()) {
          case "Data" -> data = x.getAttributeValue(null, "name");
          case "value" -> {
            if (data != null) {
              fields.put(data, x.getElementText());
              depth--;
            }
          }
          case "description" -> {
            description = x.getElementText();
            depth--;
          }
          case "when" -> {
            when = x.getElementText().trim();
            if (when.length() > 10 && when.charAt(10) == 'T') {
              when = when.substring(0, 10); // a TimeStamp with a time of day: its day
            }
            depth--;
          }
          case "Point" -> point = true;
          case "coordinates" -> {
            if (point && coordinates == null) {
              coordinates = x.getElementText().trim();
            }
            depth--;
          }
          default -> {}
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (x.getLocalName().equals("Data")) {
          data = null;
        }
      }
    }
    fields.putIfAbsent("event_date", when == null ? "" : when);
    if (description != null) {
      fields.putIfAbsent("notes", description);
    }
    if (coordinates == null) {
      sink.problem(new RowProblem(row, "Point", "a Placemark needs a Point for the event"));
      return;
    }
    String[] lonLat = coordinates.split("\\s+")[0].split(",");
    if (lonLat.length < 2) {
      sink.problem(
          new RowProblem(row, "coordinates", "'" + coordinates + "' is not longitude,latitude"));
      return;
    }
    fields.put("longitude", lonLat[0]);
    fields.put("latitude", lonLat[1]);
    fields.remove("cm_id");
    sink.row(row, fields);
  }
}
