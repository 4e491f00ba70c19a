// A heat layer drawn on a canvas from the same data the map shows (the server's cells or the
// loaded events): each point adds a blurred spot weighted by its count, then the summed intensity
// is coloured from a palette. Written here because no Leaflet.heat webjar is served.

const RADIUS = 28;
const PALETTE_STOPS = [[0.2, '#2b6cb0'], [0.45, '#38a169'], [0.65, '#ecc94b'], [0.85, '#dd6b20'], [1, '#c53030']];

function makePalette() {
  const c = document.createElement('canvas');
  c.width = 256;
  c.height = 1;
  const ctx = c.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 256, 0);
  for (const [stop, color] of PALETTE_STOPS) g.addColorStop(stop, color);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 256, 1);
  return ctx.getImageData(0, 0, 256, 1).data;
}

function makeSpot() {
  const c = document.createElement('canvas');
  c.width = c.height = RADIUS * 2;
  const ctx = c.getContext('2d');
  const g = ctx.createRadialGradient(RADIUS, RADIUS, 0, RADIUS, RADIUS, RADIUS);
  g.addColorStop(0, 'rgba(0,0,0,1)');
  g.addColorStop(1, 'rgba(0,0,0,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, RADIUS * 2, RADIUS * 2);
  return c;
}

/** A Leaflet layer; setData([{lat, lon, count}]) redraws it. */
export function createHeatLayer() {
  let points = [];
  let palette = null;
  let spot = null;

  const Heat = L.Layer.extend({
    onAdd(map) {
      this._map = map;
      this._canvas = L.DomUtil.create('canvas', 'heat-layer leaflet-zoom-hide');
      this._canvas.setAttribute('data-testid', 'heat-layer');
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on('moveend zoomend resize', this._redraw, this);
      this._redraw();
    },
    onRemove(map) {
      map.off('moveend zoomend resize', this._redraw, this);
      this._canvas.remove();
      this._canvas = null;
    },
    _redraw() {
      if (!this._canvas) return;
      const map = this._map;
      const size = map.getSize();
      const canvas = this._canvas;
      canvas.width = size.x;
      canvas.height = size.y;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      const ctx = canvas.getContext('2d');
      ctx.clearRect(0, 0, size.x, size.y);
      if (!points.length) return;
      palette = palette || makePalette();
      spot = spot || makeSpot();
      const max = Math.max(...points.map((p) => p.count));
      const scale = Math.log1p(max);
      for (const p of points) {
        const pt = map.latLngToContainerPoint([p.lat, p.lon]);
        if (pt.x < -RADIUS || pt.y < -RADIUS || pt.x > size.x + RADIUS || pt.y > size.y + RADIUS) continue;
        ctx.globalAlpha = Math.min(1, Math.max(0.08, Math.log1p(p.count) / scale));
        ctx.drawImage(spot, pt.x - RADIUS, pt.y - RADIUS);
      }
      ctx.globalAlpha = 1;
      const image = ctx.getImageData(0, 0, size.x, size.y);
      const px = image.data;
      for (let i = 3; i < px.length; i += 4) {
        const a = px[i];
        if (!a) continue;
        const j = a * 4;
        px[i - 3] = palette[j];
        px[i - 2] = palette[j + 1];
        px[i - 1] = palette[j + 2];
        px[i] = Math.min(230, a + 40);
      }
      ctx.putImageData(image, 0, 0);
      canvas.dataset.points = String(points.length);
    },
  });

  const layer = new Heat();
  layer.setData = (data) => {
    points = (data || []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon) && p.count > 0);
    layer._redraw();
  };
  return layer;
}
