package org.conflictmap.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.conflictmap.problem.InputException;
import org.junit.jupiter.api.Test;

/** The three corpus formats, and what the reader does with records that do not fit their text. */
class CorpusReaderTest {
  static final String LGL =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <articles>
        <article docid="7">
          <title>t</title>
          <text><![CDATA[Fire in Alexandria, La. Crews from Rapides Parish helped.]]></text>
          <toponyms>
            <toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
              <gaztag geonameid="4314550"><name>Alexandria</name><fcode>PPL</fcode>
                <lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
            <toponym><start>20</start><end>22</end><phrase>La</phrase></toponym>
            <toponym><start>35</start><end>49</end><phrase>Rapides Parish</phrase>
              <gaztag geonameid="4338356"><name>Rapides Parish</name><fcode>ADM2</fcode>
                <lat>31.1669</lat><lon>-92.4835</lon></gaztag></toponym>
          </toponyms>
        </article>
      </articles>
      """;

  static final String GWN =
      """
      <?xml version="1.0" ?>
      <articles>
        <article file="0">
          <title>x</title><link>y</link>
          <text>Irish citizens met in Dublin &amp; Cork.</text>
          <toponyms>
            <toponym><extractedName>Irish</extractedName><type>Demonym</type>
              <start>0</start><end>5</end><geonamesID>2963597</geonamesID>
              <latitude>53</latitude><longitude>-8</longitude></toponym>
            <toponym><extractedName>citizens</extractedName><type>Non_Lit_Expression</type>
              <start>6</start><end>14</end><geonamesID/><latitude/><longitude/></toponym>
            <toponym><extractedName>Dublin</extractedName><type>Literal</type>
              <start>22</start><end>28</end><geonamesID>2964574</geonamesID>
              <latitude>53.33306</latitude><longitude>-6.24889</longitude></toponym>
            <toponym><extractedName>Cork</extractedName><type>Literal</type>
              <start>31</start><end>35</end><geonamesID/>
              <latitude>51.89797</latitude><longitude>-8.47061</longitude></toponym>
          </toponyms>
        </article>
      </articles>
      """;

  static final String WIKINEWS_ONE_BASED =
      """
      <articles>
        <article>
          <text>Shelling hit Aleppo, Syria, on Monday.</text>
          <locations>
            <location><name>Aleppo</name><start>14</start><end>20</end>
              <lat>36.20124</lat><lon>37.16117</lon></location>
            <location><name>Syria</name><start>22</start><end>27</end>
              <lat>35</lat><lon>38</lon></location>
          </locations>
        </article>
      </articles>
      """;

  static Corpus read(String xml, CorpusFormat format, boolean oneBased) {
    return CorpusReader.read(
        "fixture.xml",
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
        format,
        oneBased);
  }

  @Test
  void readsLglWithAndWithoutCoordinates() {
    Corpus c = read(LGL, null, false);
    assertThat(c.format()).isEqualTo(CorpusFormat.LGL);
    assertThat(c.warnings()).isEmpty();
    GoldArticle a = c.articles().get(0);
    assertThat(a.id()).isEqualTo("7");
    assertThat(a.toponyms())
        .extracting(GoldToponym::name)
        .containsExactly("Alexandria", "La", "Rapides Parish");
    GoldToponym alexandria = a.toponyms().get(0);
    assertThat(alexandria.geonameId()).isEqualTo(4314550L);
    assertThat(alexandria.lat()).isEqualTo(31.3113);
    assertThat(alexandria.lon()).isEqualTo(-92.4451);
    // a toponym without a gaztag counts for recognition only
    assertThat(a.toponyms().get(1).located()).isFalse();
    assertThat(a.text().substring(35, 49)).isEqualTo("Rapides Parish");
  }

  @Test
  void readsGeoWebNewsAndLeavesOutWhatIsNotAToponym() {
    Corpus c = read(GWN, null, false);
    assertThat(c.format()).isEqualTo(CorpusFormat.GWN);
    GoldArticle a = c.articles().get(0);
    // entities decoded before offsets are checked: "&amp;" is one character of the text
    assertThat(a.text()).contains("Dublin & Cork");
    assertThat(a.toponyms())
        .extracting(GoldToponym::name)
        .containsExactly("Irish", "Dublin", "Cork");
    assertThat(a.toponyms().get(2).geonameId()).isNull();
    assertThat(a.toponyms().get(2).located()).isTrue();
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void oneBasedOffsetsAreMovedDown() {
    Corpus c = read(WIKINEWS_ONE_BASED, CorpusFormat.WIKINEWS, true);
    GoldArticle a = c.articles().get(0);
    assertThat(a.toponyms())
        .extracting(t -> a.text().substring(t.start(), t.end()))
        .containsExactly("Aleppo", "Syria");
    assertThat(a.toponyms().get(0).start()).isEqualTo(13);
    assertThat(c.warnings()).isEmpty();
    assertThat(c.realigned()).isZero();
  }

  @Test
  void oneBasedOffsetsReadAsZeroBasedAreRealignedWithAWarningEach() {
    Corpus c = read(WIKINEWS_ONE_BASED, null, false);
    assertThat(c.format()).isEqualTo(CorpusFormat.WIKINEWS);
    assertThat(c.realigned()).isEqualTo(2);
    assertThat(c.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("moved to"));
    GoldArticle a = c.articles().get(0);
    assertThat(a.toponyms())
        .extracting(t -> a.text().substring(t.start(), t.end()))
        .containsExactly("Aleppo", "Syria");
  }

  @Test
  void recordsThatCannotBePlacedAreDroppedAndCounted() {
    String xml =
        WIKINEWS_ONE_BASED
            .replace("<start>14</start><end>20</end>", "<start>-5</start><end>-1</end>")
            .replace("<name>Syria</name>", "<name>Damascus</name>")
            .replace(
                "</locations>",
                "<location><name>Monday</name><start>x</start><end>3</end></location></locations>");
    Corpus c = read(xml, CorpusFormat.WIKINEWS, true);
    // "Aleppo" is still near its stated place; "Damascus" is nowhere; "x" is no offset
    assertThat(c.realigned()).isEqualTo(1);
    assertThat(c.dropped()).isEqualTo(2);
    assertThat(c.warnings()).hasSize(3);
    assertThat(c.articles().get(0).toponyms())
        .extracting(GoldToponym::name)
        .containsExactly("Aleppo");
  }

  @Test
  void malformedXmlIsAClearError() {
    assertThatThrownBy(() -> read("<articles><article><text>x</articles>", null, false))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.title()).isEqualTo("malformed corpus XML");
              assertThat(e.detail()).contains("fixture.xml", "line 1");
            });
    assertThatThrownBy(() -> read("\u0000\u0001binary", null, false))
        .isInstanceOf(InputException.class);
  }

  @Test
  void aCorpusWithoutToponymsIsAClearError() {
    assertThatThrownBy(() -> read("<articles/>", null, false))
        .isInstanceOfSatisfying(
            InputException.class, e -> assertThat(e.title()).isEqualTo("empty corpus"));
    String allBad =
        WIKINEWS_ONE_BASED
            .replace("<start>14</start>", "<start>900</start>")
            .replace("<start>22</start><end>27</end>", "<start>a</start><end>b</end>");
    assertThatThrownBy(() -> read(allBad, CorpusFormat.WIKINEWS, true))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.title()).isEqualTo("empty corpus");
              assertThat(e.detail()).contains("2 records dropped");
            });
  }
}
