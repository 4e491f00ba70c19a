package org.conflictmap.http;

import java.util.List;

/**
 * Share links to the usual places, built as plain links so an event page offers them without
 * JavaScript. The browser builds the same list in {@code js/share.js} ({@code socialLinks}).
 */
final class SocialLinks {
  record Link(String key, String label, String href) {}

  private SocialLinks() {}

  static List<Link> of(String url, String title) {
    String u = PublicUrls.encode(url);
    String t = PublicUrls.encode(title);
    return List.of(
        new Link("email", "E-mail", "mailto:?subject=" + t + "&body=" + t + "%0A" + u),
        new Link("x", "X", "https://x.com/intent/tweet?text=" + t + "&url=" + u),
        new Link("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u),
        new Link("whatsapp", "WhatsApp", "https://wa.me/?text=" + t + "%20" + u),
        new Link("telegram", "Telegram", "https://t.me/share/url?url=" + u + "&text=" + t));
  }

  /** The links as an HTML list; every part escaped. */
  static String html(String url, String title) {
    StringBuilder h = new StringBuilder("<ul class=\"social-links\" aria-label=\"Share on\">");
    for (Link l : of(url, title)) {
      h.append("<li><a class=\"social-link social-link--")
          .append(l.key())
          .append("\" data-share=\"")
          .append(l.key())
          .append("\" href=\"")
          .append(Html.esc(l.href()))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
          .append(Html.esc(l.label()))
          .append("</a></li>");
    }
    return h.append("</ul>").toString();
  }
}
