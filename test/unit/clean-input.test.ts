import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DraftSchema, UploadRequestSchema } from '../../shared/domain/application-schema.ts';
import { guardKeys } from '../../shared/domain/dossier.ts';
import { RoundSettingsSchema } from '../../shared/domain/round-settings.ts';
import {
  cleanFileName,
  cleanMultiline,
  fold,
  lineText,
  matchKey,
  multilineText,
  textProblem,
} from '../../shared/domain/text.ts';
import { toValidationError } from '../../shared/http/request.ts';
import { neutraliseFormula, toCsv } from '../../shared/usecases/coordinator-dashboard.ts';

const draft = (nameVi: string, extra: Record<string, unknown> = {}) => ({
  space: { nameVi, ...extra },
  representative: { email: 'lan@example.vn' },
});

describe('the text rule (shared/domain/text.ts)', () => {
  it('refuses C0 (but tab and line breaks), DEL, C1, bidi overrides and isolates, lone surrogates', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\u007Fb', 'a\u0085b', 'a\u009Bb', 'a\uD800b'])
      expect(textProblem(bad), JSON.stringify(bad)).toBe('controlChar');
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(textProblem(`Ảnh${String.fromCodePoint(cp)}x`)).toBe('bidiControl');
    for (const good of ['Nhà Sàn Đạo Quán', 'a\tb\nc\r\nd', '👩‍🎨 studio', 'Ω ≠ Ω', 'a\u200Db'])
      expect(textProblem(good), JSON.stringify(good)).toBeUndefined();
  });

  it('strips the direction marks LRM, RLM, ALM and the BOM, and stores NFC', () => {
    const decomposed = 'Nha\u0300 Sa\u0300n'; // NFD "Nhà Sàn"
    expect(lineText().parse(`\uFEFF\u200E${decomposed}\u200F`)).toBe('Nhà Sàn');
    expect(lineText().parse('Nhà  \t Sàn\n')).toBe('Nhà Sàn');
    expect(cleanMultiline('Dòng 1  \r\nDòng 2\rDòng 3\n\n\tthụt lề')).toBe(
      'Dòng 1\nDòng 2\nDòng 3\n\n\tthụt lề',
    );
    expect(multilineText().safeParse('có\u0000NUL').success).toBe(false);
  });

  it('strips control and direction characters from file names instead of refusing them', () => {
    expect(cleanFileName('A\u0309nh\u202Egnp.exe')).toBe('Ảnhgnp.exe');
    expect(cleanFileName('báo\u0000cáo\u2066.pdf\u2069')).toBe('báocáo.pdf');
    const upload = UploadRequestSchema.safeParse({
      slot: 'hinh-anh',
      fileName: '\u202E\u0000',
      contentType: 'image/png',
      size: 10,
    });
    expect(upload.success).toBe(false); // nothing left of the name
  });

  it('names the field of every refusal, in Vietnamese and English', () => {
    const result = DraftSchema.safeParse(draft('Xưởng\u0000Gốm', { street: '12 Hàng\u202EBạc' }));
    expect(result.success).toBe(false);
    if (result.success) return;
    const labels = { 'space.nameVi': { vi: 'Tên không gian', en: 'Space name' } };
    const vi = toValidationError(result.error, 'vi', labels).issues;
    const en = toValidationError(result.error, 'en', labels).issues;
    expect(vi).toContainEqual(expect.objectContaining({ path: 'space.nameVi', field: 'Tên không gian' }));
    expect(vi.find((i) => i.path === 'space.nameVi')!.message).toContain('ký tự điều khiển');
    expect(vi.find((i) => i.path === 'space.street')!.message).toContain('đảo chiều');
    expect(en.find((i) => i.path === 'space.nameVi')!.message).toContain('control character');
    expect(en.find((i) => i.path === 'space.street')!.message).toContain('text-direction override');
  });

  it('applies to the round settings too', () => {
    const result = RoundSettingsSchema.safeParse({ nameVi: 'Đợt\u202E 2026' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.find((i) => i.path.join('.') === 'nameVi')?.message).toBe('bidiControl');
  });
});

describe('the guard key (matchKey: NFKC, ignorables, confusables skeleton, folding)', () => {
  const plain = 'Nhà Sàn Cafe Hàng Bạc';

  it('equals fold() for plain Latin and Vietnamese text, so stored guard keys stay valid', () => {
    for (const s of [plain, 'Xưởng gốm Đông Hồ', 'ĐẠO QUÁN 54', 'Văn Miếu – Quốc Tử Giám', 'Ưu Đàm 1/2'])
      expect(matchKey(s)).toBe(fold(s));
  });

  it('sees through full-width letters, Cyrillic and Greek homoglyphs and invisible joiners', () => {
    const key = matchKey(plain);
    const spellings = [
      'Ｎｈà Ｓàｎ Ｃａｆｅ Ｈàｎｇ Ｂạｃ', // full-width
      'Nhà Sàn Cаfе Hàng Bạс', // Cyrillic а, е, с
      'Nhà Sàn Cafe Ηàng Βạc', // Greek Eta and Beta
      'NHÀ SÀN CAFE HÀNG BẠC', // case
      'Nh\u200Dà S\u200Càn Ca\u00ADfe Hàng B\u2060ạc', // ZWJ, ZWNJ, soft hyphen, word joiner
      'Nha\u0300 Sa\u0300n Cafe Ha\u0300ng Ba\u0323c', // NFD
      '𝐍𝐡à 𝐒à𝐧 𝐂𝐚𝐟𝐞 Hàng Bạc', // mathematical bold
    ];
    for (const s of spellings) expect(matchKey(s), s).toBe(key);
    // Different names stay different.
    expect(matchKey('Nhà Sàn Cafe Hàng Bè')).not.toBe(key);
    expect(matchKey('Nhà Sàn Coffee Hàng Bạc')).not.toBe(key);
  });

  it('builds the same guards for a homoglyph spelling of the name and a full-width registration number', () => {
    const a = guardKeys('2026', {
      space: { nameVi: 'Xưởng Gốm Bát Tràng', registrationNumber: '0101234567' },
      representative: { email: 'lan@example.vn' },
    });
    const b = guardKeys('2026', {
      space: { nameVi: 'Xưởng Gốm Вát Тràng\u200D', registrationNumber: '０１０１２３４５６７' },
      representative: { email: 'LAN@example.vn' },
    });
    expect(b).toEqual(a);
    expect(a[0]).toBe('2026#SPACE#lan@example.vn#xuong gom bat trang');
  });
});

describe('CSV cells', () => {
  it('neutralises every cell that starts with a formula trigger', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(t)).toBe(`'${t}`);
    expect(neutraliseFormula('\t=1')).toBe("'\t'=1");
    expect(neutraliseFormula('Giám đốc;=cmd')).toBe("Giám đốc;'=cmd");
    expect(neutraliseFormula('a, -1\n@x\t+y; \t=z')).toBe("a, '-1\n'@x\t'+y; \t'=z");
    for (const plain of ['Ưu Đàm', 'Hà Nội - Việt Nam', 'a@b.vn', '0912-345-678', 'x;y,z'])
      expect(neutraliseFormula(plain)).toBe(plain);
  });

  it('quotes every cell, so a list separator inside a value never starts a cell', () => {
    const evil = "Giám đốc;=cmd|' /C calc'!A0";
    const csv = toCsv([
      ['Chức vụ', 'Tên'],
      [evil, '=HYPERLINK("http://x")'],
      ['a, b', 'say "hi"\nline 2'],
    ]);
    expect(csv.startsWith('\uFEFF"Chức vụ","Tên"\r\n')).toBe(true);
    // Every field of every line is quoted: read with ';' as the separator (vi-VN Excel), the cell stays whole.
    for (const delimiter of [',', ';']) {
      const rows = parse(csv, { bom: true, delimiter, relax_quotes: delimiter === ';' }) as string[][];
      if (delimiter === ',') {
        expect(rows[1]).toEqual([evil.replace(';=', ";'="), `'=HYPERLINK("http://x")`]);
        expect(rows[2]).toEqual(['a, b', 'say "hi"\nline 2']);
      } else {
        // With ';' the comma-separated cells merge, but no cell starts with a formula trigger.
        for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(csv).toContain(`"Giám đốc;'=cmd|' /C calc'!A0"`);
  });
});
