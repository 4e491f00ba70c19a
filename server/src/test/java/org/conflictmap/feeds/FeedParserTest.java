package org.conflictmap.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Reading RSS 2.0, RSS 1.0 and Atom documents as publishers actually write them. */
class FeedParserTest {
  static final URI BASE = URI.create("https://wire.example/feeds/main.xml");

  static ParsedFeed parse(String xml) throws FeedException {
    return FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
  }

  @Test
  void rssItemsPreferFullContentAndStripItsHtml() throws Exception {
    ParsedFeed f =
        parse(
            "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Wire &amp; Co</title>"
                + "<item><atom:link rel=\"self\" href=\"https://wire.example/self\"/>"
                + "<title>Strikes on &lt;b&gt;Idlib&lt;/b&gt;</title><link> /news/1 </link>"
                + "<guid>tag:wire.example,2019:1</guid>"
                + "<description>Short teaser.</description>"
                + "<content:encoded><![CDATA[<p>Air strikes hit Idlib&nbsp;on Monday.</p>"
                + "<script>track()</script><p>Dozens were killed &mdash; the UN said.</p>]]>"
                + "</content:encoded><pubDate>Mon, 26 Aug 2019 21:30:00 EDT</pubDate></item>"
                + "<item><title>Only a headline</title><link>javascript:alert(1)</link></item>"
                + "</channel></rss>");

    assertThat(f.format()).isEqualTo("rss");
    assertThat(f.title()).isEqualTo("Wire & Co");
    FeedItem first = f.items().get(0);
    assertThat(first.title()).isEqualTo("Strikes on Idlib");
    assertThat(first.link()).isEqualTo("https://wire.example/news/1");
    assertThat(first.key()).isEqualTo("tag:wire.example,2019:1");
    assertThat(first.text())
        .isEqualTo("Air strikes hit Idlib on Monday.\n\nDozens were killed \u2014 the UN said.");
    assertThat(first.published()).isEqualTo(OffsetDateTime.parse("2019-08-26T21:30-04:00"));
    FeedItem second = f.items().get(1);
    assertThat(second.link()).as("only http(s) links are kept").isNull();
    assertThat(second.text()).isNull();
    assertThat(second.key()).startsWith("sha256:");
  }

  @Test
  void rss1ItemsAreKeyedByTheirRdfAbout() throws Exception {
    ParsedFeed f =
        parse(
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"https://wire.example/\"><title>RDF wire</title></channel>"
                + "<item rdf:about=\"https://wire.example/r/1\"><title>Hama</title>"
                + "<link>https://wire.example/r/1</link><description>Clashes near Hama.</description>"
                + "<dc:date>2019-08-25T08:00:00+03:00</dc:date></item></rdf:RDF>");
    assertThat(f.format()).isEqualTo("rdf");
    assertThat(f.title()).isEqualTo("RDF wire");
    assertThat(f.items())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.guid()).isEqualTo("https://wire.example/r/1");
              assertThat(i.text()).isEqualTo("Clashes near Hama.");
              assertThat(i.published().toLocalDate()).hasToString("2019-08-25");
            });
  }

  @Test
  void atomTextConstructsAreReadByTheirType() throws Exception {
    ParsedFeed f =
        parse(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title type=\"html\">A &amp;lt;wire&amp;gt;</title>"
                + "<entry><id>e1</id><title>1 &lt; 2 &amp; more</title>"
                + "<link rel=\"enclosure\" href=\"/audio.mp3\"/><link href=\"/e/1\"/>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<p>Protesters gathered in <em>Daraa</em>.</p><p>Police fired tear gas.</p>"
                + "</div></content><updated>2019-08-20T10:00:00Z</updated></entry>"
                + "<entry><id>e2</id><link rel=\"enclosure\" href=\"https://cdn.example/e2.jpg\"/>"
                + "<summary type=\"html\">&lt;p&gt;Clashes in Homs.&lt;/p&gt;</summary></entry></feed>");
    assertThat(f.format()).isEqualTo("atom");
    assertThat(f.title()).isEqualTo("A <wire>");
    FeedItem e1 = f.items().get(0);
    assertThat(e1.title()).isEqualTo("1 < 2 & more");
    assertThat(e1.link())
        .as("the alternate link, not the enclosure")
        .isEqualTo("https://wire.example/e/1");
    assertThat(e1.text()).isEqualTo("Protesters gathered in Daraa.\n\nPolice fired tear gas.");
    assertThat(e1.published()).isNull();
    assertThat(e1.date()).contains(OffsetDateTime.parse("2019-08-20T10:00:00Z"));
    FeedItem e2 = f.items().get(1);
    assertThat(e2.link())
        .as("no alternate: the first link")
        .isEqualTo("https://cdn.example/e2.jpg");
    assertThat(e2.text()).isEqualTo("Clashes in Homs.");
  }

  @Test
  void aDoctypeIsRefusedEvenWithoutEntities() {
    assertThatThrownBy(() -> parse("<!DOCTYPE rss><rss><channel/></rss>"))
        .isInstanceOf(FeedException.class)
        .satisfies(
            e -> assertThat(((FeedException) e).reason()).isEqualTo(FeedException.Reason.REFUSED));
  }

  @Test
  void documentsThatAreNoFeedsAreRefusedWithWhatTheyAre() {
    assertThatThrownBy(() -> parse("<feed><entry/></feed>"))
        .hasMessageContaining("outside the Atom namespace");
    assertThatThrownBy(() -> parse("<rss version=\"2.0\"></rss>"))
        .hasMessage("RSS without a <channel>");
    assertThatThrownBy(() -> parse("")).isInstanceOf(FeedException.class);
    assertThatThrownBy(() -> parse("{\"items\": []}"))
        .satisfies(
            e ->
                assertThat(((FeedException) e).reason()).isEqualTo(FeedException.Reason.MALFORMED));
  }

  @Test
  void theXmlDeclarationDecidesTheEncoding() throws Exception {
    byte[] latin1 =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Al-Bab \u00e9t\u00e9"
                + "</title></item></channel></rss>")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(FeedParser.parse(latin1, BASE).items().get(0).title())
        .isEqualTo("Al-Bab \u00e9t\u00e9");
  }

  @Test
  void credentialsInAFeedAddressAreMaskedWhereverItIsShown() {
    assertThat(FeedFetcher.redact(URI.create("https://reader:s3cret@wire.example/f.rss?x=1")))
        .isEqualTo("https://***@wire.example/f.rss?x=1");
    assertThat(FeedFetcher.redact(URI.create("https://wire.example/f.rss")))
        .isEqualTo("https://wire.example/f.rss");
  }

  @Test
  void feedDatesInTheFormsPublishersUse() {
    assertThat(FeedDates.parse("Tue, 27 Aug 2019 10:00:00 GMT"))
        .contains(OffsetDateTime.parse("2019-08-27T10:00Z"));
    assertThat(FeedDates.parse("27 Aug 2019 10:00 +0300"))
        .contains(OffsetDateTime.parse("2019-08-27T10:00+03:00"));
    assertThat(FeedDates.parse("Tuesday, 3 Sept 19 07:05:00 PDT"))
        .contains(OffsetDateTime.parse("2019-09-03T07:05-07:00"));
    assertThat(FeedDates.parse("Tue, 27 aug 2019 10:00:00 +03:00"))
        .contains(OffsetDateTime.parse("2019-08-27T10:00+03:00"));
    assertThat(FeedDates.parse("2019-08-27T10:00:00.123+02:00"))
        .contains(OffsetDateTime.parse("2019-08-27T10:00:00.123+02:00"));
    assertThat(FeedDates.parse("2019-08-27")).contains(OffsetDateTime.parse("2019-08-27T00:00Z"));
    assertThat(FeedDates.parse("2019-08-27T10:00:00"))
        .contains(OffsetDateTime.parse("2019-08-27T10:00Z"));
    assertThat(FeedDates.parse("yesterday")).isEmpty();
    assertThat(FeedDates.parse("Tue, 31 Feb 2019 10:00:00 GMT")).isEmpty();
    assertThat(FeedDates.parse("Tue, 27 Aug 2019 10:00:00 XYZ")).isEmpty();
    assertThat(FeedDates.parse("2019-13-45")).isEmpty();
  }

  @Test
  void htmlBecomesReadableText() {
    assertThat(HtmlText.plain("a<br>b<br/>c")).isEqualTo("a\nb\nc");
    assertThat(HtmlText.plain("<ul><li>one</li><li>two</li></ul>")).isEqualTo("one\ntwo");
    assertThat(HtmlText.plain("<table><tr><td>Idlib</td><td>12</td></tr></table>"))
        .isEqualTo("Idlib 12");
    assertThat(HtmlText.plain("x < y and y > z, AT&T &amp; &#8220;quoted&#x201D; &bogus;"))
        .isEqualTo("x < y and y > z, AT&T & \u201Cquoted\u201D &bogus;");
    assertThat(
            HtmlText.plain(
                "<style>p{color:red}</style><!-- note -->Kept<SCRIPT src=x>bad()</SCRIPT>"))
        .isEqualTo("Kept");
    assertThat(HtmlText.plain("<script>never closed")).isEmpty();
    assertThat(HtmlText.plain("  spaced \t out\n\n\n\nlines  ")).isEqualTo("spaced out\n\nlines");
  }
}
