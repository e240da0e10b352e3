import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The two Be Vietnam Pro weights a certificate uses, as raw TTF bytes. */
export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** File name of the regular weight; the Lambda bundler copies it next to the handler. */
export const CERTIFICATE_FONT_REGULAR_FILE = 'BeVietnamPro_400Regular.ttf';
/** File name of the bold weight; the Lambda bundler copies it next to the handler. */
export const CERTIFICATE_FONT_BOLD_FILE = 'BeVietnamPro_700Bold.ttf';

const FONT_PACKAGE = '@expo-google-fonts/be-vietnam-pro';

/** Absolute paths of the two TTFs inside the npm package (for the bundler's copy step). */
export function certificateFontPackagePaths(): { regular: string; bold: string } {
  // The package has no "exports" map, so deep paths resolve as plain files.
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve(`${FONT_PACKAGE}/400Regular/${CERTIFICATE_FONT_REGULAR_FILE}`),
    bold: require.resolve(`${FONT_PACKAGE}/700Bold/${CERTIFICATE_FONT_BOLD_FILE}`),
  };
}

// Keyed by directory ('' = the npm package) so a warm Lambda reads the files once.
const cache = new Map<string, Promise<CertificateFonts>>();

/**
 * Reads the regular and bold TTFs, from `dir` if given (the Lambda bundle) or else from the npm package.
 * The bytes are cached at module scope after the first read.
 */
export function loadCertificateFonts(dir?: string): Promise<CertificateFonts> {
  const key = dir ?? '';
  let fonts = cache.get(key);
  if (!fonts) {
    fonts = readFonts(dir);
    // A failed read must not poison the cache: the next call retries.
    fonts.catch(() => cache.delete(key));
    cache.set(key, fonts);
  }
  return fonts;
}

async function readFonts(dir: string | undefined): Promise<CertificateFonts> {
  const paths =
    dir === undefined
      ? certificateFontPackagePaths()
      : { regular: join(dir, CERTIFICATE_FONT_REGULAR_FILE), bold: join(dir, CERTIFICATE_FONT_BOLD_FILE) };
  const [regular, bold] = await Promise.all([readFile(paths.regular), readFile(paths.bold)]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}
