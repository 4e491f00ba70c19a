package org.conflictmap.preview;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.conflictmap.gazetteer.PlaceLabels;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws a {@link Scene} with Java2D: sea, the bundled country borders, zones, markers and a caption
 * band, then encodes it as PNG. No tiles and no browser, so a link preview works offline and a
 * crawler gets it in one request.
 */
public final class PreviewRenderer {
  public static final int WIDTH = 1200;
  public static final int HEIGHT = 630;

  /** The caption band's height; the map is the part above it. */
  public static final int CAPTION_HEIGHT = 116;

  public static final int MAP_HEIGHT = HEIGHT - CAPTION_HEIGHT;
  static final Color SEA = new Color(0x0d1722);
  static final Color LAND = new Color(0x232b37);
  static final Color BORDER = new Color(0x4a5669);
  static final Color BAND = new Color(0x171e28);
  static final Color TEXT = new Color(0xe7eaef);
  static final Color MUTED = new Color(0x98a2b0);
  static final Color ACCENT = new Color(0xe0633a);
  static final int MARKER_RADIUS = 12;
  static final int SMALL_MARKER_RADIUS = 6;

  /** ImageIO's PNG writer maps quality to deflate effort: 1 is fastest, 0 smallest. */
  static final float PNG_QUALITY = 0.7f;

  static {
    // a server has no display; Java2D must not look for one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  public static final Color REGION_LINE = new Color(0x6b7a90);
  public static final Color LABEL = new Color(0xd3d9e2);
  static final Color LABEL_HALO = new Color(0x0d1722);

  private final BaseMap baseMap;
  private final MapContext context;

  /** Country borders only (no names, region lines or scale bar). */
  public PreviewRenderer(BaseMap baseMap) {
    this(baseMap, MapContext.NONE);
  }

  /** Country borders plus the region lines and place names {@code context} gives. */
  public PreviewRenderer(BaseMap baseMap, MapContext context) {
    this.baseMap = baseMap;
    this.context = context;
  }

  /** The scene as a PNG. */
  public byte[] renderPng(Scene scene) {
    return encode(render(scene));
  }

  public BufferedImage render(Scene scene) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setClip(0, 0, WIDTH, MAP_HEIGHT);
      g.setColor(SEA);
      g.fillRect(0, 0, WIDTH, MAP_HEIGHT);
      Projection p = scene.projection();
      drawCountries(g, p);
      drawRegionLines(g, p);
      for (Scene.ZoneShape z : scene.zones()) {
        drawZone(g, p, z);
      }
      drawLabels(g, p);
      if (context != MapContext.NONE) {
        drawScale(g, p);
      }
      // highlighted markers last, so the event of an event page is never hidden under another
      scene.markers().stream().filter(m -> !m.highlighted()).forEach(m -> drawMarker(g, p, m));
      scene.markers().stream().filter(Scene.Marker::highlighted).forEach(m -> drawMarker(g, p, m));
      g.setClip(null);
      drawCaption(g, scene.caption());
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * PNG, deflated a little less than ImageIO's default: about a fifth larger and a third of the
   * time, measured by the preview benchmark. Kept in memory (no ImageIO disk cache).
   */
  public static byte[] encode(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(PNG_QUALITY);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private void drawCountries(Graphics2D g, Projection p) {
    g.setStroke(new BasicStroke(1f));
    AffineTransform toImage = p.fromWorld();
    for (BaseMap.Outline o : baseMap.outlinesIn(p.bounds())) {
      Shape s = toImage.createTransformedShape(o.world());
      g.setColor(LAND);
      g.fill(s);
      g.setColor(BORDER);
      g.draw(s);
    }
  }

  private void drawRegionLines(Graphics2D g, Projection p) {
    g.setStroke(
        new BasicStroke(
            1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f));
    g.setColor(REGION_LINE);
    for (Polygon poly : context.regionLines(p.bounds(), p.zoom())) {
      g.draw(p.fromWorld().createTransformedShape(BaseMap.worldPath(poly)));
    }
  }

  /** Town names beside a dot, country and region names centred, each on a dark halo. */
  private void drawLabels(Graphics2D g, Projection p) {
    Font town = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    Font area = new Font(Font.SANS_SERIF, Font.BOLD, 19);
    java.util.List<java.awt.Rectangle> used = new java.util.ArrayList<>();
    for (PlaceLabels.Label l : context.labels(p.bounds(), p.zoom())) {
      Point2D.Double at = p.toPixel(l.lon(), l.lat());
      boolean isTown = l.kind() == PlaceLabels.Kind.TOWN;
      String text = isTown ? l.name() : l.name().toUpperCase(java.util.Locale.ROOT);
      g.setFont(isTown ? town : area);
      FontMetrics fm = g.getFontMetrics();
      int w = fm.stringWidth(text);
      int x = (int) Math.round(isTown ? at.x + 7 : at.x - w / 2.0);
      int y = (int) Math.round(at.y + fm.getAscent() / 2.0 - 2);
      java.awt.Rectangle box =
          new java.awt.Rectangle(x - 3, y - fm.getAscent(), w + 6, fm.getHeight());
      if (used.stream().anyMatch(box::intersects)) continue;
      used.add(box);
      if (isTown) {
        g.setColor(LABEL_HALO);
        g.fill(circle(at.x, at.y, 4));
        g.setColor(LABEL);
        g.fill(circle(at.x, at.y, 2.5));
      }
      g.setColor(LABEL_HALO);
      for (int dx = -1; dx <= 1; dx++) {
        for (int dy = -1; dy <= 1; dy++) {
          if (dx != 0 || dy != 0) g.drawString(text, x + dx, y + dy);
        }
      }
      g.setColor(isTown ? LABEL : MUTED);
      g.drawString(text, x, y);
    }
  }

  /** A metric scale bar at the bottom left, a round length about 150 px long. */
  static void drawScale(Graphics2D g, Projection p) {
    double metresPerPixel =
        40_075_016.686 * Math.cos(Math.toRadians(p.centerLat())) / (256 * Math.pow(2, p.zoom()));
    double metres = niceLength(metresPerPixel * 150);
    int px = (int) Math.round(metres / metresPerPixel);
    int x = 24;
    int y = MAP_HEIGHT - 24;
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.setColor(LABEL_HALO);
    g.fillRect(x - 6, y - 26, px + 12, 34);
    g.setColor(LABEL);
    g.drawLine(x, y, x + px, y);
    g.drawLine(x, y - 6, x, y);
    g.drawLine(x + px, y - 6, x + px, y);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    g.drawString(scaleText(metres), x + 2, y - 9);
  }

  /** 1, 2 or 5 times a power of ten, at most {@code metres}. */
  static double niceLength(double metres) {
    double pow = Math.pow(10, Math.floor(Math.log10(Math.max(metres, 1))));
    double d = metres / pow;
    return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * pow;
  }

  static String scaleText(double metres) {
    return metres >= 1000 ? Math.round(metres / 1000) + " km" : Math.round(metres) + " m";
  }

  private static void drawZone(Graphics2D g, Projection p, Scene.ZoneShape z) {
    Color c = z.color();
    g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < z.geometry().getNumGeometries(); i++) {
      Geometry part = z.geometry().getGeometryN(i);
      if (!(part instanceof Polygon poly)) {
        continue;
      }
      Shape s = p.fromWorld().createTransformedShape(BaseMap.worldPath(poly));
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 64));
      g.fill(s);
      g.setColor(c);
      g.draw(s);
    }
  }

  private static void drawMarker(Graphics2D g, Projection p, Scene.Marker m) {
    Point2D.Double at = p.toPixel(m.lon(), m.lat());
    double r = m.highlighted() ? MARKER_RADIUS : SMALL_MARKER_RADIUS;
    double ring = m.highlighted() ? 4 : 2;
    if (m.highlighted()) {
      g.setColor(new Color(0, 0, 0, 110));
      g.fill(circle(at.x, at.y + 2, r + ring + 2));
    }
    g.setColor(Color.WHITE);
    g.fill(circle(at.x, at.y, r + ring));
    g.setColor(m.color());
    g.fill(circle(at.x, at.y, r));
  }

  private static Ellipse2D circle(double x, double y, double r) {
    return new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
  }

  private static void drawCaption(Graphics2D g, Scene.Caption c) {
    g.setColor(BAND);
    g.fillRect(0, MAP_HEIGHT, WIDTH, CAPTION_HEIGHT);
    g.setColor(ACCENT);
    g.fillRect(0, MAP_HEIGHT, WIDTH, 4);
    int left = 32;
    int right = WIDTH - 32;
    Font brand = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    g.setFont(brand);
    FontMetrics bm = g.getFontMetrics();
    int brandWidth = bm.stringWidth("conflictmap");
    int brandX = right - brandWidth;
    g.setColor(TEXT);
    g.drawString("conflict", brandX, MAP_HEIGHT + 42);
    g.setColor(ACCENT);
    g.drawString("map", brandX + bm.stringWidth("conflict"), MAP_HEIGHT + 42);
    int textRight = brandX - 24;

    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
    g.setColor(TEXT);
    g.drawString(fit(g, c.headline(), textRight - left), left, MAP_HEIGHT + 44);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
    g.setColor(MUTED);
    g.drawString(fit(g, c.detail(), textRight - left), left, MAP_HEIGHT + 74);
    g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 18));
    g.setColor(TEXT);
    g.drawString(fit(g, c.quote(), right - left), left, MAP_HEIGHT + 102);
  }

  /** The text, cut at a word and ended with an ellipsis if it is wider than the room. */
  static String fit(Graphics2D g, String text, int width) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String s = text.strip().replaceAll("\\s+", " ");
    FontMetrics fm = g.getFontMetrics();
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    int end = s.length();
    while (end > 0 && fm.stringWidth(s.substring(0, end) + "…") > width) {
      int space = s.lastIndexOf(' ', end - 1);
      end = space > 0 ? space : end - 1;
    }
    return s.substring(0, end).strip() + "…";
  }
}
