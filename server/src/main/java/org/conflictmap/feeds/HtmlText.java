package org.conflictmap.feeds;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the HTML that feeds put in descriptions into plain text for the geoparser: tags dropped,
 * scripts and styles dropped with their content, paragraphs and line breaks kept as new lines,
 * character references decoded. One pass over the input, so its time is linear in the length.
 */
public final class HtmlText {
  /** Elements whose content is never text a reader sees. */
  private static final Set<String> SKIP_CONTENT =
      Set.of("script", "style", "noscript", "template", "head", "iframe", "object", "svg");

  /** Elements that start and end a paragraph. */
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "header",
          "footer",
          "blockquote",
          "pre",
          "table",
          "tr",
          "ul",
          "ol",
          "dl",
          "figure",
          "figcaption",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr");

  /** Elements that end a line. */
  private static final Set<String> LINES = Set.of("br", "li", "dt", "dd", "caption");

  /** Elements between whose contents a space belongs ("<td>a</td><td>b</td>" is "a b"). */
  private static final Set<String> SPACED = Set.of("td", "th", "img");

  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("laquo", "\u00AB"),
          Map.entry("raquo", "\u00BB"),
          Map.entry("hellip", "\u2026"),
          Map.entry("middot", "\u00B7"),
          Map.entry("bull", "\u2022"),
          Map.entry("deg", "\u00B0"),
          Map.entry("copy", "\u00A9"),
          Map.entry("reg", "\u00AE"),
          Map.entry("trade", "\u2122"),
          Map.entry("eacute", "\u00E9"),
          Map.entry("egrave", "\u00E8"),
          Map.entry("aacute", "\u00E1"),
          Map.entry("iacute", "\u00ED"),
          Map.entry("oacute", "\u00F3"),
          Map.entry("uacute", "\u00FA"),
          Map.entry("ouml", "\u00F6"),
          Map.entry("uuml", "\u00FC"),
          Map.entry("auml", "\u00E4"),
          Map.entry("ccedil", "\u00E7"));

  private HtmlText() {}

  /** Plain text of an HTML fragment (or of plain text, which passes through tidied). */
  public static String plain(String html) {
    if (html == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(html.length());
    String lower = null;
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        if (html.startsWith("<!--", i)) {
          int end = html.indexOf("-->", i + 4);
          i = end < 0 ? n : end + 3;
          continue;
        }
        int close = html.indexOf('>', i + 1);
        String name = tagName(html, i + 1, close < 0 ? n : close);
        if (close < 0 || name == null) {
          // a lone '<' ("a < b") is text
          out.append(c);
          i++;
          continue;
        }
        boolean end = html.charAt(i + 1) == '/';
        i = close + 1;
        if (!end && SKIP_CONTENT.contains(name) && html.charAt(close - 1) != '/') {
          lower = lower == null ? html.toLowerCase(Locale.ROOT) : lower;
          int stop = lower.indexOf("</" + name, i);
          int stopEnd = stop < 0 ? -1 : html.indexOf('>', stop);
          i = stopEnd < 0 ? n : stopEnd + 1;
        } else if (BLOCKS.contains(name)) {
          out.append("\n\n");
        } else if (LINES.contains(name) && !end) {
          // on the opening tag only, so that "</li><li>" is one line break, not a blank line
          out.append('\n');
        } else if (SPACED.contains(name)) {
          out.append(' ');
        }
      } else if (c == '&') {
        i = entity(html, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return tidy(out);
  }

  /** The lower-case element name of the tag whose body runs from {@code from} to {@code to}. */
  private static String tagName(String html, int from, int to) {
    int i = from;
    if (i < to && (html.charAt(i) == '/' || html.charAt(i) == '!' || html.charAt(i) == '?')) {
      i++;
    }
    int start = i;
    while (i < to && (Character.isLetterOrDigit(html.charAt(i)) || html.charAt(i) == ':')) {
      i++;
    }
    boolean declaration = from < to && html.charAt(from) == '!';
    if (!declaration && (i == start || !Character.isLetter(html.charAt(start)))) {
      return null;
    }
    return html.substring(start, i).toLowerCase(Locale.ROOT);
  }

  /** Decodes the reference at {@code i}, or copies the '&' when it is not one. */
  private static int entity(String html, int i, StringBuilder out) {
    int semi = html.indexOf(';', i + 1);
    if (semi < 0 || semi - i > 12) {
      out.append('&');
      return i + 1;
    }
    String ref = html.substring(i + 1, semi);
    String decoded = null;
    if (ref.startsWith("#")) {
      try {
        int cp =
            ref.startsWith("#x") || ref.startsWith("#X")
                ? Integer.parseInt(ref.substring(2), 16)
                : Integer.parseInt(ref.substring(1));
        if (Character.isValidCodePoint(cp) && cp != 0) {
          decoded = new String(Character.toChars(cp));
        }
      } catch (NumberFormatException e) {
        decoded = null;
      }
    } else {
      decoded = ENTITIES.get(ref);
    }
    if (decoded == null) {
      out.append('&');
      return i + 1;
    }
    out.append(decoded);
    return semi + 1;
  }

  /** Runs of spaces become one, lines are trimmed, and at most one blank line separates text. */
  private static String tidy(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        newlines++;
        space = false;
      } else if (Character.isWhitespace(c) || c == '\u00A0') {
        space = true;
      } else {
        if (out.length() > 0) {
          if (newlines > 0) {
            out.append(newlines > 1 ? "\n\n" : "\n");
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
