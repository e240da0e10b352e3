import type * as Leaflet from 'leaflet';
import type { MapData } from '../pages/directory-pages.tsx';
import { pageData } from './words.ts';

/**
 * The directory's map (issue 16), on pages that carry one only (a tile URL configured): Leaflet and its
 * stylesheet are fetched here, from this site's hashed assets, never by a page without a map. The list
 * stays the full, accessible view; each marker is a keyboard-focusable button whose popup links the
 * member's page. Names are set as text, never as markup.
 */
const host = document.getElementById('member-map');
const data = pageData<MapData>('member-map-data');

/** Leaflet's stylesheet: a `<link>` to the hashed asset (the CSP admits no inline style). */
const stylesheet = (href: string) =>
  new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function draw(el: HTMLElement, map: MapData): Promise<void> {
  const [L] = await Promise.all([
    import(el.dataset.leaflet!) as Promise<typeof Leaflet>,
    stylesheet(el.dataset.leafletCss!),
  ]);
  const view = L.map(el, { scrollWheelZoom: false });
  L.tileLayer(map.tiles.url, {
    maxZoom: 19,
    // Leaflet writes the attribution as markup: the configured text goes in escaped.
    ...(map.tiles.attribution ? { attribution: escapeHtml(map.tiles.attribution) } : {}),
  }).addTo(view);
  // The view first: Leaflet makes a marker's element only once the map has one.
  const points = map.markers.map((m): [number, number] => [m.lat, m.lng]);
  if (points.length === 1) view.setView(points[0]!, 16);
  else view.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 16 });
  for (const m of map.markers) {
    const link = document.createElement('a');
    link.href = m.href;
    link.textContent = m.name;
    const marker = L.marker([m.lat, m.lng], {
      icon: L.divIcon({ className: 'member-marker', iconSize: [18, 18] }),
      title: m.name,
      alt: m.name,
      keyboard: true,
    })
      .bindPopup(link)
      .addTo(view);
    // A named button for screen readers and keyboards (Leaflet 1.9 gives a div icon no name of its own).
    marker.getElement()?.setAttribute('aria-label', m.name);
  }
}

if (host && data?.markers.length) {
  draw(host, data).catch(() => {
    // The map is an extra: without it the list is all there is, as without a tile URL.
    host.hidden = true;
  });
}
