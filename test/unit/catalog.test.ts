import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const MESSAGES = path.join(import.meta.dirname, '../../shared/i18n/messages');
const PAGES = path.join(import.meta.dirname, '../../shared/pages');

/** `{name}` placeholders of a browser word, sorted. */
const placeholders = (words: string) => [...words.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalog', () => {
  it('has, for every entry of every module, Vietnamese and English words with the same placeholders', async () => {
    const files = readdirSync(MESSAGES).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const module = (await import(path.join(MESSAGES, file))) as Record<string, unknown>;
      for (const [name, messages] of Object.entries(module)) {
        if (typeof messages !== 'object' || messages === null) continue;
        for (const [key, entry] of Object.entries(messages as Record<string, { vi: unknown; en: unknown }>)) {
          const where = `${file} ${name}.${key}`;
          expect(typeof entry.vi, where).toBe(typeof entry.en);
          if (typeof entry.vi === 'string') {
            expect(entry.vi.trim(), where).not.toBe('');
            expect((entry.en as string).trim(), where).not.toBe('');
            expect(placeholders(entry.vi), where).toEqual(placeholders(entry.en as string));
          } else {
            const vi = entry.vi as (...a: unknown[]) => unknown;
            const en = entry.en as (...a: unknown[]) => unknown;
            expect(vi.length, where).toBe(en.length);
            // Called with sample values, each language says something and uses every value.
            const samples = Array.from({ length: vi.length }, (_, i) => `«${i}»`);
            for (const words of [vi(...samples), en(...samples)]) {
              expect(String(words).trim(), where).not.toBe('');
              for (const s of samples) expect(String(words), where).toContain(s);
            }
          }
        }
      }
    }
  });

  it('is where the pages take their words: no page or browser script keeps its own vi/en pairs', () => {
    for (const file of readdirSync(PAGES)) {
      const source = readFileSync(path.join(PAGES, file), 'utf8');
      expect(source, file).not.toMatch(/\bvi: ['`"][^'`"]/);
      // A choice of words by language (`lang === 'vi' ? 'Tra cứu' : …`), not of a language (`? 'en' : 'vi'`).
      expect(source, file).not.toMatch(/\bvi'?\s*\?\s*['`](?!en'|vi')/);
      expect(source, file).not.toMatch(/\btr\(/);
    }
  });
});
