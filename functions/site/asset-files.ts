import { SITE_CSS } from '../../shared/pages/site-css.ts';

/** A year, and never revalidated: a hashed name's content never changes (a new build, a new name). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built files' bodies (about 1.8 MB with pdf.js), read by the first `/assets/` request: the pages do
 * not need them, and parsing them at cold start cost every request of the site function.
 */
let built: Promise<Record<string, string>> | undefined;
const builtFiles = () => {
  built ??= import('../../.build/web/files.json', { with: { type: 'json' } }).then(
    (m) => m.default as Record<string, string>,
  );
  return built;
};

/**
 * A file under /assets/: the stylesheet (a fixed name, cached briefly) or a built script or source map
 * (hashed names from infra/web/build.ts, cached for good). Undefined for any other name.
 */
export async function assetFile(
  name: string,
): Promise<{ body: string; type: string; cacheControl?: string } | undefined> {
  if (name === 'site.css') return { body: SITE_CSS, type: 'text/css; charset=utf-8' };
  const files = await builtFiles();
  if (!Object.hasOwn(files, name)) return undefined;
  const type = name.endsWith('.map')
    ? 'application/json; charset=utf-8'
    : name.endsWith('.css')
      ? 'text/css; charset=utf-8'
      : 'text/javascript; charset=utf-8';
  return { body: files[name]!, type, cacheControl: IMMUTABLE };
}
