import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const MESSAGES = path.join(ROOT, 'shared/i18n/messages');
const PAGES = path.join(ROOT, 'shared/pages');

/** Where the code that is not a page lives: it takes its words from the catalog too. */
const CODE_DIRS = [
  'shared/usecases',
  'shared/domain',
  'shared/http',
  'shared/mail',
  'shared/browser',
  'functions',
];

/** Files whose code may hold Vietnamese words (and vi/en pairs), each for a reason; nothing else may. */
const NOT_CATALOG_WORDS: Record<string, string> = {
  'shared/domain/round-seed.ts':
    'round data: the seed rounds and what a new round starts from; each round stores its own copy and coordinators edit it',
  'shared/domain/certificate.ts':
    'the certificate itself: a Vietnamese document (its Open Badges credential and file name), one language by design',
  'shared/domain/text.ts': 'folds the letter đ to d for search keys; no words',
  'shared/domain/ward-search.ts':
    'strips the words “Phường”/“Xã” from ward names (user data) to match searches',
};

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữìíỉĩịòóỏõọùúủũụỳýỷỹỵéèẻẽẹ]/i;

/** Every .ts/.tsx file under a directory, relative to the repository. */
const sourcesUnder = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));

/** A file's code without its comments (comments may quote Vietnamese terms: mã hồ sơ, bổ sung hồ sơ). */
const codeOf = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

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

  it('is where use-cases, domain, HTTP, mail and handlers take their words: no vi/en pairs or Vietnamese in code', () => {
    const files = CODE_DIRS.flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files.filter((f) => !(f in NOT_CATALOG_WORDS))) {
      const code = codeOf(readFileSync(path.join(ROOT, file), 'utf8'));
      expect(code, file).not.toMatch(/\bvi: ['`"][^'`"]/);
      expect(code, file).not.toMatch(/\bvi'?\s*\?\s*['`](?!en'|vi')/);
      // One string with both languages ('Lý do / Reason'), whatever the request's language.
      expect(code, file).not.toMatch(/['`][^'`\n]*[^\s'`] \/ [A-Z][a-z][^'`\n]*['`]/);
      expect(code, file).not.toMatch(VIETNAMESE);
    }
    // Every exception still has a reason to be one.
    for (const file of Object.keys(NOT_CATALOG_WORDS))
      expect(codeOf(readFileSync(path.join(ROOT, file), 'utf8')), file).toMatch(VIETNAMESE);
  });

  it('answers a supplement request’s and a revocation’s missing fields in the request’s language', async () => {
    const { supplementTerms } = await import('../../shared/usecases/review.ts');
    let error: unknown;
    try {
      supplementTerms({ outcome: 'supplement', comment: '' }, new Date('2025-06-01T00:00:00Z'));
    } catch (e) {
      error = e;
    }
    const { ValidationError } = await import('../../shared/domain/errors.ts');
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as InstanceType<typeof ValidationError>).issuesIn;
    const vi = issues.call(error, 'vi');
    const en = issues.call(error, 'en');
    expect(vi.map((i) => i.path)).toEqual(['items', 'dueDate', 'comment']);
    expect(vi.map((i) => i.field)).toEqual(['Nội dung cần bổ sung', 'Hạn bổ sung', 'Ý kiến']);
    expect(en.map((i) => i.message)).toEqual([
      'Choose at least one item',
      'From tomorrow up to 21 days',
      'Required',
    ]);
    for (const i of en) expect(`${i.field} ${i.message}`).not.toMatch(VIETNAMESE);
  });
});
