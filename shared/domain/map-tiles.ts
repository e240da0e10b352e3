/**
 * The directory's map tiles (issue 16): a Leaflet URL template from configuration, e.g.
 * `https://tile.openstreetmap.org/{z}/{x}/{y}.png` or `https://{s}.tile.example.org/{z}/{x}/{y}.png`.
 * Without one there is no map at all (locally, offline, in CI): the list alone.
 */

/** The template with its placeholders filled, as a URL parser reads it (`{s}` a subdomain). */
const sample = (template: string) =>
  template
    .replace(/\{s\}/g, 'a')
    .replace(/\{[zxy]\}/g, '0')
    .replace(/\{r\}/g, '');

/** An http(s) URL template with `{z}`, `{x}` and `{y}` and nothing else in braces but `{s}` or `{r}`. */
export function isTileTemplate(template: string): boolean {
  if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p))) return false;
  if (/\{(?![zxysr]\})/.test(template)) return false;
  try {
    const url = new URL(sample(template));
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * Where the tiles come from, as a CSP source for `img-src`: the template's origin, with a `{s}` subdomain
 * as the wildcard it stands for (`https://*.tile.example.org`).
 */
export function tileImageSource(template: string): string {
  const url = new URL(sample(template));
  const host = new URL(template.replace(/\{[zxyr]\}/g, '0').replace(/\{s\}/g, 'wildcard-subdomain')).host;
  return `${url.protocol}//${host.replace(/wildcard-subdomain/g, '*')}`;
}
