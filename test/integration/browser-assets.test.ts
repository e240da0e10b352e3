import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES, WEB_DIR } from '../../infra/web/build.ts';
import { local } from './helpers.ts';

/**
 * Issue 11, item 4: the browser scripts are built modules served under content-hashed names, cached for
 * good; pages name the build's files, never a fixed name.
 */
const site = (p: string) => `${local().urls.site}${p}`;
const manifest = async () =>
  JSON.parse(await readFile(path.join(WEB_DIR, 'manifest.json'), 'utf8')) as Record<string, string>;

describe('the browser scripts as the site serves them', () => {
  it('serves every entry under its hashed name, minified, for a year and immutable, with its source map', async () => {
    const urls = await manifest();
    for (const name of Object.keys(ENTRIES)) {
      const url = urls[name] ?? '';
      expect(url, name).toMatch(new RegExp(`^/assets/${name}\\.[A-Z0-9]{8}\\.js$`));
      const res = await fetch(site(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = await res.text();
      // Built by esbuild (one minified IIFE), not a function's source with a transpiler's shim.
      expect(body.startsWith('"use strict";(()=>{'), url).toBe(true);
      expect(body).not.toContain('__name');
      const map = /\/\/# sourceMappingURL=([\w.-]+)\s*$/.exec(body)?.[1];
      expect(map, url).toBe(`${path.basename(url)}.map`);
      const mapRes = await fetch(site(`/assets/${map}`));
      expect(mapRes.status).toBe(200);
      expect(((await mapRes.json()) as { version: number }).version).toBe(3);
    }
  });

  it('answers 404 for a name the build did not make (an old hash, the old fixed names)', async () => {
    const apply = (await manifest()).apply!;
    for (const name of ['/assets/apply.AAAAAAAA.js', '/assets/apply.js', '/assets/admin.js']) {
      const res = await fetch(site(name));
      expect(res.status, name).toBe(404);
    }
    expect(apply).not.toBe('/assets/apply.AAAAAAAA.js');
  });

  it('gives the pages the built names: the home page loads the application form’s script', async () => {
    const urls = await manifest();
    const home = await (await fetch(site('/'))).text();
    const scripts = [...home.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([urls.apply]);
  });
});
