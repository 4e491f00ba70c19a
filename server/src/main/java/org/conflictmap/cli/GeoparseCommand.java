package org.conflictmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.PlaceJson;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.geoparse.Mention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "geoparse",
    mixinStandardHelpOptions = true,
    description =
        "Print the places a text names, one JSON object per line (use - for standard input).")
final class GeoparseCommand implements Callable<Integer> {
  @Mixin DataOptions data = new DataOptions();

  @Parameters(paramLabel = "FILE", description = "A UTF-8 text file, or - for standard input.")
  String file;

  @Override
  public Integer call() throws IOException {
    // the same checks as ingest: a binary, non-UTF-8 or oversized input is one clear error
    String text =
        file.equals("-")
            ? ArticleFiles.text(System.in.readNBytes((int) ArticleFiles.MAX_FILE_BYTES + 1))
            : ArticleFiles.read(Path.of(file));
    Geoparser parser = new Geoparser(data.gazetteer());
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (Mention m : parser.parse(text)) {
      out.append(json.writeValueAsString(line(m, json))).append('\n');
    }
    System.out.print(out);
    return 0;
  }

  private static ObjectNode line(Mention m, ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("text", m.text());
    o.put("start", m.start());
    o.put("end", m.end());
    o.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
    PlaceJson.write(o, m.place());
    // in context a name can be more or less precise than its place: "Idlib province" is the region
    o.put("precision", m.precision().label());
    o.put("geo_precision", m.geoPrecision());
    o.put("confidence", m.confidence());
    ArrayNode alts = o.putArray("alternatives");
    for (Candidate c : m.alternatives()) {
      ObjectNode a = alts.addObject();
      PlaceJson.write(a, c.place());
      a.put("score", Math.round(c.score() * 1000) / 1000.0);
    }
    return o;
  }
}
