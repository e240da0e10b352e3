import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsqr from 'jsqr';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFRawStream,
  PDFStream,
} from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_ISSUER,
  type CertificateContent,
  type CertificateFonts,
  renderCertificatePdf,
} from '../../shared/pdf/certificate.ts';
import {
  CERTIFICATE_FONT_BOLD_FILE,
  CERTIFICATE_FONT_REGULAR_FILE,
  certificateFontPackagePaths,
  loadCertificateFonts,
} from '../../shared/pdf/font.ts';

const content: CertificateContent = {
  number: '0042/2025/GCN-KGST',
  holderName: 'Hợp tác xã Vụn Art – Phường Vạn Phúc',
  holderAddress: '12 phố Hàng Bồ, Phường Hoàn Kiếm, Thành phố Hà Nội',
  roundName: 'Đợt kết nạp năm 2025',
  issuedOn: '05/09/2025',
  signatory: { name: 'Nguyễn Thị Ngọc Hòa', title: 'Giám đốc Trung tâm Điều phối các hoạt động sáng tạo' },
  verifyUrl: 'https://kgst.hanoi.example/xac-minh/0042-2025-GCN-KGST?c=7f3a9b2e',
};
const createdAt = new Date('2025-09-05T03:00:00Z');

interface PageText {
  /** Lines in reading order, each the NFC text of the items sharing a baseline. */
  lines: string[];
  /** Every line joined by a space, whitespace collapsed: what a reader's copy-paste would give. */
  all: string;
  items: { str: string; x: number; y: number; width: number; height: number }[];
  pages: number;
  width: number;
  height: number;
}

async function extractText(pdf: Uint8Array): Promise<PageText> {
  // pdf.js detaches the buffer it is given, so hand it a copy.
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const page = await doc.getPage(1);
    const { width, height } = page.getViewport({ scale: 1 });
    const { items: raw } = await page.getTextContent();
    const items = raw.flatMap((item) =>
      'str' in item && item.str !== ''
        ? [
            {
              str: item.str,
              x: item.transform[4],
              y: item.transform[5],
              width: item.width,
              height: item.height,
            },
          ]
        : [],
    );
    // pdf.js may split a drawn line into several items; regroup by baseline, then left to right.
    const byBaseline = new Map<number, typeof items>();
    for (const item of items) {
      const key = Math.round(item.y);
      byBaseline.set(key, [...(byBaseline.get(key) ?? []), item]);
    }
    const lines = [...byBaseline.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((i) => i.str)
          .join('')
          .normalize('NFC'),
      );
    const all = lines.join(' ').replace(/\s+/g, ' ').trim();
    return { lines, all, items, pages: doc.numPages, width, height };
  } finally {
    await doc.destroy();
  }
}

function renderPageToPng(pdf: Uint8Array): PNG {
  try {
    return PNG.sync.read(
      execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', '1', '-l', '1', '-'], {
        input: pdf,
      }),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftoppm is not installed: the QR check needs poppler-utils (apt-get install -y poppler-utils)',
      );
    }
    throw error;
  }
}

/** The page's fonts: name, and the decoded size of the embedded TrueType file. */
function embeddedFonts(doc: PDFDocument): { baseFont: string; fileBytes: number }[] {
  const fontDict = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  // pdf-lib adds a resource name per drawText call, all pointing at the same two font objects.
  const fonts = new Set(fontDict.values().map((ref) => doc.context.lookup(ref, PDFDict)));
  return [...fonts].map((type0) => {
    const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2'), PDFStream) as PDFRawStream;
    return {
      baseFont: type0.lookup(PDFName.of('BaseFont'), PDFName).decodeText(),
      fileBytes: decodePDFRawStream(file).decode().byteLength,
    };
  });
}

describe('certificate PDF (offline)', () => {
  let fonts: CertificateFonts;
  let pdf: Uint8Array;
  let text: PageText;

  beforeAll(async () => {
    // Prepare
    fonts = await loadCertificateFonts();
    // Act: the name arrives decomposed (NFD), as it can from a macOS browser's form field.
    pdf = await renderCertificatePdf({ ...content, holderName: content.holderName.normalize('NFD') }, fonts, {
      createdAt,
    });
    text = await extractText(pdf);
  });

  it('shows the holder name with every Vietnamese diacritic, as NFC', () => {
    expect(text.lines).toContain(content.holderName.normalize('NFC'));
  });

  it('shows a second heavily accented name exactly', async () => {
    const holderName = 'Không gian Sáng tạo Ưu Đàm Đặng Thị Ngọc Ánh';
    const other = await extractText(await renderCertificatePdf({ ...content, holderName }, fonts));
    expect(other.all).toContain(holderName);
  });

  it('shows the title, number, issue date, round, address and signatory', () => {
    expect(text.all).toContain('GIẤY CHỨNG NHẬN THÀNH VIÊN');
    expect(text.all).toContain('Certificate of Membership');
    expect(text.all).toContain(`Số: ${content.number}`);
    expect(text.all).toContain(`Hà Nội, ngày ${content.issuedOn}`);
    expect(text.all).toContain(content.roundName);
    expect(text.all).toContain(content.holderAddress);
    expect(text.all).toContain(content.signatory.name);
    expect(text.all).toContain('GIÁM ĐỐC TRUNG TÂM ĐIỀU PHỐI CÁC HOẠT ĐỘNG SÁNG TẠO');
    expect(text.all).toContain(content.verifyUrl);
  });

  it('is one A4 landscape page (842 × 595 pt)', () => {
    expect(text.pages).toBe(1);
    expect([Math.round(text.width), Math.round(text.height)]).toEqual([842, 595]);
  });

  it('carries a QR code that decodes to the verification URL', () => {
    const png = renderPageToPng(pdf);
    // jsqr's typings declare an ES default over a CommonJS build; `.default` resolves under both tsc and Node.
    const qr = jsqr.default(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(content.verifyUrl);
  });

  it('embeds both weights as tagged subsets and stays small', async () => {
    const doc = await PDFDocument.load(pdf);
    const fontsUsed = embeddedFonts(doc).sort((a, b) => a.baseFont.localeCompare(b.baseFont));

    expect(fontsUsed.map((f) => f.baseFont)).toEqual([
      expect.stringMatching(/^[A-Z]{6}\+BeVietnamPro-Bold$/),
      expect.stringMatching(/^[A-Z]{6}\+BeVietnamPro-Regular$/),
    ]);
    // A subset carries only the glyphs drawn: a fraction of the ~130 KB full TTFs.
    expect(fontsUsed[0]!.fileBytes).toBeLessThan(fonts.bold.byteLength / 3);
    expect(fontsUsed[1]!.fileBytes).toBeLessThan(fonts.regular.byteLength / 3);
    expect(pdf.byteLength).toBeLessThan(80 * 1024);
  });

  it('records title, issuer as author and the creation date', async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(`Giấy chứng nhận thành viên – ${content.holderName}`);
    expect(doc.getAuthor()).toBe(CERTIFICATE_ISSUER);
    expect(doc.getCreationDate()?.toISOString()).toBe(createdAt.toISOString());
  });

  it('wraps or shrinks a 200-character name: every word drawn, nothing past the border', async () => {
    // Prepare
    const phrase =
      'Không gian Nghệ thuật Cộng đồng Ưu Đàm Đặng Thị Ngọc Ánh – Hợp tác xã Vụn Art Phường Vạn Phúc';
    const repeated = `${phrase} ${phrase} ${phrase}`;
    const holderName = repeated.slice(0, 200).trimEnd();
    expect(holderName).toHaveLength(200);

    const long = await extractText(await renderCertificatePdf({ ...content, holderName }, fonts));

    expect(long.all).toContain(holderName);
    expect(long.all).toContain(content.holderAddress);
    // The name stays in its box: every line of it sits above the address line.
    const addressY = long.items.find((i) => i.str.startsWith('Địa chỉ:'))!.y;
    const nameLines = long.items.filter((i) => holderName.includes(i.str.normalize('NFC')));
    expect(nameLines.length).toBeGreaterThan(1);
    for (const line of nameLines) expect(line.y, line.str).toBeGreaterThan(addressY + 10);
    const inner = 28;
    for (const item of long.items) {
      expect(item.x, item.str).toBeGreaterThanOrEqual(inner);
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(long.width - inner);
    }
  });
});

describe('certificate fonts (offline)', () => {
  it('reads the package fonts once and hands back the same bytes after', async () => {
    const first = await loadCertificateFonts();
    const second = await loadCertificateFonts();
    expect(second).toBe(first);
    expect(first.regular.byteLength).toBeGreaterThan(100_000);
  });

  it('reads the two TTFs from a bundle directory, as the Lambda ships them', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'certificate-fonts-'));
    try {
      const paths = certificateFontPackagePaths();
      await copyFile(paths.regular, join(dir, CERTIFICATE_FONT_REGULAR_FILE));
      await copyFile(paths.bold, join(dir, CERTIFICATE_FONT_BOLD_FILE));
      // Act
      const fonts = await loadCertificateFonts(dir);
      // Assess
      const packaged = await loadCertificateFonts();
      expect(fonts.regular).toEqual(packaged.regular);
      expect(fonts.bold).toEqual(packaged.bold);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
