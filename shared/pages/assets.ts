import manifest from '../../.build/web/manifest.json' with { type: 'json' };

/**
 * The browser scripts' URLs, content-hashed (`/assets/apply.<hash>.js`), from the manifest infra/web/build.ts
 * writes (run by `postinstall` and before start, test, bench and synth). Only this small manifest is
 * imported by pages; the bodies are the site function's alone (functions/site/asset-files.ts).
 */
export type ScriptName = keyof typeof manifest;

/** The URL of a browser script, for `<Layout scripts={[asset('apply')]}>`. */
export const asset = (name: ScriptName): string => manifest[name];
