import files from '../../.build/web/files.json' with { type: 'json' };
import { SITE_CSS } from '../../shared/pages/site-css.ts';

/** A year, and never revalidated: a hashed name's content never changes (a new build, a new name). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const BUILT: Record<string, string> = files;

/**
 * A file under /assets/: the stylesheet (a fixed name, cached briefly) or a built script or source map
 * (hashed names from infra/web/build.ts, cached for good). Undefined for any other name.
 */
export function assetFile(name: string): { body: string; type: string; cacheControl?: string } | undefined {
  if (name === 'site.css') return { body: SITE_CSS, type: 'text/css; charset=utf-8' };
  if (!Object.hasOwn(BUILT, name)) return undefined;
  const type = name.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8';
  return { body: BUILT[name]!, type, cacheControl: IMMUTABLE };
}
