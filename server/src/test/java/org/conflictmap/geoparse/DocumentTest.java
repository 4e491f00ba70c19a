package org.conflictmap.geoparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.conflictmap.gazetteer.Names;
import org.junit.jupiter.api.Test;

/**
 * The document's shortcuts (folded forms built from tokens, gaps compared in place, the lower-case
 * vocabulary scan) must answer exactly as the plain string operations they replace.
 */
class DocumentTest {
  private static final List<String> TEXTS =
      List.of(
          "Clashes near Ma'arrat al-Nu'man, Idlib, and in St. Louis, Mo., on Friday.",
          "The talks in Genève and İdlib\u00A0City ended; O'Brien said: \"São Paulo\" (Brazil).",
          "Springfield, IL — Jones County, the springfield mayor's office, Ft. Worth-Dallas",
          "مدينة إدلب Al‑Bab 北京 Mt.Hood Washington,D.C. e\u0301cole Ecole école",
          "Police said police in Police.");

  @Test
  void foldedSpansMatchNormalizingTheText() {
    for (String text : TEXTS) {
      Document doc = new Document(text);
      for (int a = 0; a < doc.size(); a++) {
        for (int b = a; b < Math.min(doc.size(), a + 4); b++) {
          assertThat(doc.folded(a, b))
              .as("%s [%d..%d]", text, a, b)
              .isEqualTo(Names.normalize(doc.span(a, b)));
        }
      }
    }
  }

  @Test
  void gapsAnswerAsTheirText() {
    for (String text : TEXTS) {
      Document doc = new Document(text);
      for (int i = 0; i < doc.size(); i++) {
        String gap = doc.gapAfter(i);
        for (String probe : List.of(" ", ", ", ". ", "-", "\u00A0", "")) {
          assertThat(doc.gapIs(i, probe))
              .as("%s gap %d %s", text, i, probe)
              .isEqualTo(gap.equals(probe));
        }
        assertThat(doc.gapIsComma(i)).isEqualTo(gap.strip().equals(","));
        assertThat(doc.gapIsBlank(i)).isEqualTo(gap.isBlank());
      }
    }
  }

  @Test
  void tokensAreTheTokenizersWords() {
    List<String> texts = new java.util.ArrayList<>(TEXTS);
    // a surrogate pair (a mathematical letter), a combining mark, digits, a lone surrogate
    texts.add("\uD835\uDC9C-town 2010 cafe\u0301 x\uD800y \u00BDmile, \u0661\u0662 \u00AA");
    for (String text : texts) {
      Document doc = new Document(text);
      List<Token> words = Tokenizer.words(text);
      assertThat(doc.size()).as(text).isEqualTo(words.size());
      for (int i = 0; i < doc.size(); i++) {
        assertThat(doc.token(i)).as("%s token %d", text, i).isEqualTo(words.get(i));
      }
    }
  }

  @Test
  void aTokensWordHasItsFormsAndLists() {
    for (String text : TEXTS) {
      Document doc = new Document(text);
      for (int i = 0; i < doc.size(); i++) {
        Token t = doc.token(i);
        Word w = doc.word(i);
        assertThat(w.text).isEqualTo(t.text());
        assertThat(doc.lower(i)).isEqualTo(t.lower());
        assertThat(doc.fold(i)).isEqualTo(Names.normalize(t.text()));
        assertThat(w.lists).isEqualTo(Lexicon.WORDS.lists(t.lower()));
        assertThat(doc.capitalized(i)).as(t.text()).isEqualTo(t.capitalized());
        assertThat(doc.cased(i)).as(t.text()).isEqualTo(t.cased());
        assertThat(doc.allCaps(i)).as(t.text()).isEqualTo(t.allCaps());
      }
    }
  }

  @Test
  void aVocabularyGivesTheWordSpeltSoWhateverItForgot() {
    Words tiny = new Words(2);
    char[] text = "Idlib idlib Aleppo Idlib".toCharArray();
    Word first = tiny.of(text, 0, 5);
    assertThat(first.text).isEqualTo("Idlib");
    assertThat(tiny.of(text, 19, 24)).isSameAs(first); // still kept: one probe, no new word
    for (String other : List.of("idlib", "Aleppo", "Hama", "Homs", "Raqqa")) {
      assertThat(tiny.of(other).text).isEqualTo(other);
    }
    assertThat(tiny.of(text, 19, 24).text).isEqualTo("Idlib"); // forgotten, made again
  }

  @Test
  void lowerCaseVocabularyIsFoundByScanning() {
    Document doc = new Document("Police said police in Police. Springfield officials met.");
    assertThat(doc.seenInLowerCase("Police")).isTrue();
    assertThat(doc.seenInLowerCase("Springfield")).isFalse();
    assertThat(doc.seenInLowerCase("Officials")).isTrue();
    assertThat(doc.seenInLowerCase("Met")).isTrue(); // "met." ends the text: still a word
    assertThat(doc.seenInLowerCase("Springfield's")).isFalse();
  }

  @Test
  void namesFoldWithoutBuildingTheFoldedString() {
    List<String> names =
        List.of(
            "Ma'arrat al-Nu'man",
            "St. Louis",
            "Washington, D.C.",
            "  Idlib ",
            "İdlib",
            "Genève",
            "O`Brien",
            "Fort-Worth",
            "A",
            "",
            "U.S.",
            "Jones County",
            "Al‑Bab");
    for (String name : names) {
      String folded = Names.normalize(name);
      assertThat(Names.foldsTo(name, folded)).as(name).isTrue();
      assertThat(Names.foldsTo(name, folded + "x")).as(name).isFalse();
      assertThat(Names.foldsTo(name, folded + " ")).as(name).isFalse();
      if (!folded.isEmpty()) {
        assertThat(Names.foldsTo(name, folded.substring(1))).as(name).isFalse();
      }
    }
  }
}
