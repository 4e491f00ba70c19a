package org.conflictmap.preview;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.locationtech.jts.geom.Envelope;

/**
 * Spherical Web Mercator as Leaflet draws it: at zoom z the world is 256·2^z pixels wide. A preview
 * at a given centre and zoom therefore shows what a browser window of the same size shows.
 */
public record Projection(double centerLon, double centerLat, double zoom, int width, int height) {
  /** Latitudes beyond this do not exist in Web Mercator (the map is square). */
  public static final double MAX_LAT = 85.0511287798;

  public Projection {
    centerLat = clampLat(centerLat);
  }

  /** The projection that shows the envelope whole, with a margin, no closer than maxZoom. */
  public static Projection fit(
      Envelope lonLat, int width, int height, int padding, double maxZoom) {
    double minY = worldY(clampLat(lonLat.getMaxY()), 0);
    double maxY = worldY(clampLat(lonLat.getMinY()), 0);
    double minX = worldX(lonLat.getMinX(), 0);
    double maxX = worldX(lonLat.getMaxX(), 0);
    double spanX = Math.max(maxX - minX, 1e-9);
    double spanY = Math.max(maxY - minY, 1e-9);
    double scale = Math.min((width - 2.0 * padding) / spanX, (height - 2.0 * padding) / spanY);
    double zoom = Math.max(0, Math.min(maxZoom, Math.log(scale) / Math.log(2)));
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    return new Projection(lonFromWorldX(cx, 0), latFromWorldY(cy, 0), zoom, width, height);
  }

  /** Pixel position of a point, origin at the top left of the image. */
  public Point2D.Double toPixel(double lon, double lat) {
    return new Point2D.Double(
        worldX(lon, zoom) - worldX(centerLon, zoom) + width / 2.0,
        worldY(clampLat(lat), zoom) - worldY(centerLat, zoom) + height / 2.0);
  }

  /**
   * From world pixels at zoom 0 (see {@link #worldX}, {@link #worldY}) to image pixels: a scale and
   * a shift, so outlines projected once can be drawn at any frame without trigonometry.
   */
  public AffineTransform fromWorld() {
    double s = Math.pow(2, zoom);
    AffineTransform t =
        AffineTransform.getTranslateInstance(
            width / 2.0 - worldX(centerLon, zoom), height / 2.0 - worldY(centerLat, zoom));
    t.scale(s, s);
    return t;
  }

  /** The part of the world in view, in degrees. */
  public Envelope bounds() {
    double cx = worldX(centerLon, zoom);
    double cy = worldY(centerLat, zoom);
    return new Envelope(
        Math.max(-180, lonFromWorldX(cx - width / 2.0, zoom)),
        Math.min(180, lonFromWorldX(cx + width / 2.0, zoom)),
        latFromWorldY(cy + height / 2.0, zoom),
        latFromWorldY(cy - height / 2.0, zoom));
  }

  private static double worldSize(double zoom) {
    return 256 * Math.pow(2, zoom);
  }

  static double worldX(double lon, double zoom) {
    return (lon + 180) / 360 * worldSize(zoom);
  }

  static double worldY(double lat, double zoom) {
    double r = Math.toRadians(lat);
    return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * worldSize(zoom);
  }

  private static double lonFromWorldX(double x, double zoom) {
    return x / worldSize(zoom) * 360 - 180;
  }

  private static double latFromWorldY(double y, double zoom) {
    double n = Math.PI - 2 * Math.PI * y / worldSize(zoom);
    return clampLat(Math.toDegrees(Math.atan(Math.sinh(n))));
  }

  private static double clampLat(double lat) {
    return Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  }
}
