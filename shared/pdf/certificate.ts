import fontkit from '@pdf-lib/fontkit';
import {
  fill,
  PageSizes,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  rectangle,
  rgb,
  setFillingColor,
} from 'pdf-lib';
import QRCode from 'qrcode';
import type { CertificateFonts } from './font.ts';

export type { CertificateFonts } from './font.ts';

/** What a membership certificate says; every string is drawn as given, after NFC normalization. */
export interface CertificateContent {
  /** Certificate number, e.g. '0042/2025/GCN-KGST'. */
  number: string;
  /** The member space's name, e.g. 'Không gian Nghệ thuật Ưu Đàm – Đường Lạc Long Quân'. */
  holderName: string;
  /** Street and ward, e.g. '12 phố Hàng Bồ, Phường Hoàn Kiếm, Thành phố Hà Nội'. */
  holderAddress: string;
  /** The admission round, e.g. 'Đợt kết nạp năm 2025'. */
  roundName: string;
  /** Issue date already formatted dd/MM/yyyy in Asia/Ho_Chi_Minh. */
  issuedOn: string;
  signatory: { name: string; title: string };
  /** Public verification URL, encoded in the QR code. */
  verifyUrl: string;
}

/** Optional knobs; the clock is injected so a caller or test can pin the PDF's creation date. */
export interface RenderCertificateOptions {
  createdAt?: Date;
}

/** The network's name as printed at the top of the certificate. */
export const NETWORK_NAME = 'Mạng lưới Không gian Sáng tạo Hà Nội';
/** The issuing body, printed under the network's name and written as the PDF's author. */
export const CERTIFICATE_ISSUER = 'Trung tâm Điều phối các hoạt động sáng tạo';

const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4; // landscape: portrait's sides swapped
const CENTER_X = PAGE_WIDTH / 2;
const INK = rgb(0.11, 0.11, 0.13);
const ACCENT = rgb(0.56, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.38);
const LINE_HEIGHT = 1.22;
const QR_SIZE = 100;
/** Below this no text is legible in print; past it we cut with an ellipsis rather than overflow. */
const FLOOR_SIZE = 4;

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

// pdf-lib parses the TTF again for every document, and most of a render then goes on re-reading the
// GSUB/GPOS tables while shaping. Keeping the parsed font per byte array (the loader caches the bytes)
// lets warm renders reuse them; each document still builds its own subset.
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
/** The fontkit `renderCertificatePdf` registers: parses each TTF byte array once per process. */
export const certificateFontkit: Fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName);
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

// Shaping a string to measure it is the other hot spot; words and fixed lines repeat across renders.
const widthCaches = new WeakMap<Uint8Array, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 20_000;

/** An embedded font plus a memoized measure of a string's width at 1 pt (widths scale with size). */
interface Face {
  font: PDFFont;
  measure: (text: string) => number;
}

function makeFace(font: PDFFont, bytes: Uint8Array): Face {
  let cache = widthCaches.get(bytes);
  if (!cache) {
    cache = new Map();
    widthCaches.set(bytes, cache);
  }
  const widths = cache;
  return {
    font,
    measure(text) {
      let w = widths.get(text);
      if (w === undefined) {
        // A warm Lambda sees many holder names; dropping the lot now and then keeps memory bounded.
        if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
        w = font.widthOfTextAtSize(text, 1);
        widths.set(text, w);
      }
      return w;
    },
  };
}

interface TextBlock {
  size: number;
  lines: { text: string; width: number }[];
}

interface LayoutOptions {
  maxWidth: number;
  maxSize: number;
  /** Smallest size at which the block keeps to `maxLines`; below it, it may use more lines. */
  minSize?: number;
  maxLines?: number;
  /** Height of the box the block must stay within. */
  maxHeight?: number;
}

/** Renders one A4-landscape membership certificate with subset-embedded Be Vietnam Pro and a vector QR code. */
export async function renderCertificatePdf(
  content: CertificateContent,
  fonts: CertificateFonts,
  options: RenderCertificateOptions = {},
): Promise<Uint8Array> {
  const c = normalizeContent(content);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(certificateFontkit);
  // pdf-lib names a subset "Name-1234"; PDF 32000 §9.6.4 wants a six-letter tag, which also tells
  // readers the font is a subset. Derived from the content so the output is reproducible.
  const tag = subsetTag(JSON.stringify(c));
  const [regularFont, boldFont] = await Promise.all([
    doc.embedFont(fonts.regular, { subset: true, customName: `${tag}+BeVietnamPro-Regular` }),
    doc.embedFont(fonts.bold, { subset: true, customName: `${rotateTag(tag)}+BeVietnamPro-Bold` }),
  ]);
  const regular = makeFace(regularFont, fonts.regular);
  const bold = makeFace(boldFont, fonts.bold);

  const createdAt = options.createdAt ?? new Date();
  doc.setTitle(`Giấy chứng nhận thành viên – ${c.holderName}`, { showInWindowTitleBar: true });
  doc.setAuthor(CERTIFICATE_ISSUER);
  doc.setSubject(`${NETWORK_NAME} – Số ${c.number}`);
  doc.setKeywords([c.number, c.verifyUrl]);
  doc.setCreator(NETWORK_NAME);
  doc.setProducer('pdf-lib');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);

  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  drawBorder(page);
  drawBody(page, c, regular, bold);
  drawSignatory(page, c, regular, bold);
  drawVerification(page, c, regular);
  return doc.save();
}

function normalizeContent(content: CertificateContent): CertificateContent {
  // NFC so the shaper picks the precomposed Vietnamese glyphs and the text layer gives back the code
  // points a user would type; whitespace collapsed so wrapping sees real words.
  const n = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return {
    number: n(content.number),
    holderName: n(content.holderName),
    holderAddress: n(content.holderAddress),
    roundName: n(content.roundName),
    issuedOn: n(content.issuedOn),
    signatory: { name: n(content.signatory.name), title: n(content.signatory.title) },
    verifyUrl: content.verifyUrl.trim(),
  };
}

function drawBorder(page: PDFPage): void {
  for (const [inset, borderWidth] of [
    [22, 1.2],
    [28, 0.4],
  ] as const) {
    page.drawRectangle({
      x: inset,
      y: inset,
      width: PAGE_WIDTH - 2 * inset,
      height: PAGE_HEIGHT - 2 * inset,
      borderColor: ACCENT,
      borderWidth,
    });
  }
}

function drawBody(page: PDFPage, c: CertificateContent, regular: Face, bold: Face): void {
  const maxWidth = 640;
  let y = PAGE_HEIGHT - 78;
  const network = NETWORK_NAME.toLocaleUpperCase('vi-VN');
  drawBlock(page, layoutText(network, bold, { maxWidth, maxSize: 15 }), bold, CENTER_X, y, ACCENT);
  y -= 17;
  drawBlock(
    page,
    layoutText(CERTIFICATE_ISSUER, regular, { maxWidth, maxSize: 10.5 }),
    regular,
    CENTER_X,
    y,
    MUTED,
  );

  y -= 56;
  const title = 'GIẤY CHỨNG NHẬN THÀNH VIÊN';
  drawBlock(page, layoutText(title, bold, { maxWidth, maxSize: 32 }), bold, CENTER_X, y, ACCENT);
  y -= 24;
  const subtitle = 'Certificate of Membership';
  drawBlock(page, layoutText(subtitle, regular, { maxWidth, maxSize: 13 }), regular, CENTER_X, y, MUTED);
  y -= 12;
  page.drawLine({
    start: { x: CENTER_X - 60, y },
    end: { x: CENTER_X + 60, y },
    thickness: 0.8,
    color: ACCENT,
  });

  y -= 30;
  drawBlock(page, layoutText('Chứng nhận', regular, { maxWidth, maxSize: 14 }), regular, CENTER_X, y, INK);

  // The holder's name has a fixed box, so a long name wraps then shrinks instead of pushing the
  // lines below into the signature block.
  y -= 12;
  const nameBox = 84;
  const name = layoutText(c.holderName, bold, {
    maxWidth,
    maxSize: 26,
    minSize: 12,
    maxLines: 3,
    maxHeight: nameBox,
  });
  drawBlockInBox(page, name, bold, y, nameBox, INK);
  y -= nameBox + 8;

  const addressBox = 30;
  const address = layoutText(`Địa chỉ: ${c.holderAddress}`, regular, {
    maxWidth,
    maxSize: 12,
    minSize: 8,
    maxLines: 2,
    maxHeight: addressBox,
  });
  drawBlockInBox(page, address, regular, y, addressBox, INK);
  y -= addressBox + 6;

  const member = `là thành viên của ${NETWORK_NAME}`;
  drawBlock(page, layoutText(member, regular, { maxWidth, maxSize: 13 }), regular, CENTER_X, y, INK);
  y -= 19;
  drawBlock(
    page,
    layoutText(c.roundName, regular, { maxWidth, maxSize: 12, minSize: 8 }),
    regular,
    CENTER_X,
    y,
    MUTED,
  );
}

function drawSignatory(page: PDFPage, c: CertificateContent, regular: Face, bold: Face): void {
  const centerX = PAGE_WIDTH - 215;
  const maxWidth = 300;
  const date = layoutText(`Hà Nội, ngày ${c.issuedOn}`, regular, { maxWidth, maxSize: 12, minSize: 9 });
  drawBlock(page, date, regular, centerX, 200, INK);
  // Vietnamese signature blocks print the office in capitals.
  const title = layoutText(c.signatory.title.toLocaleUpperCase('vi-VN'), bold, {
    maxWidth,
    maxSize: 11,
    minSize: 8,
    maxLines: 2,
    maxHeight: 30,
  });
  drawBlockInBox(page, title, bold, 190, 30, INK, centerX);
  // The gap between title and name is where the director signs and the seal goes.
  const name = layoutText(c.signatory.name, bold, { maxWidth, maxSize: 14, minSize: 9 });
  drawBlock(page, name, bold, centerX, 78, INK);
}

function drawVerification(page: PDFPage, c: CertificateContent, regular: Face): void {
  const left = 68;
  const bottom = 84;
  const maxWidth = 260;
  const number = layoutText(`Số: ${c.number}`, regular, { maxWidth, maxSize: 11, minSize: 8 });
  drawBlock(page, number, regular, left, bottom + QR_SIZE + 14, INK, 'left');
  drawQrCode(page, c.verifyUrl, left, bottom, QR_SIZE);
  // The URL is the fallback for readers without a camera: it may shrink or break, never be cut.
  const url = layoutUnbroken(c.verifyUrl, regular, maxWidth, 7, 5);
  drawBlock(page, url, regular, left, bottom - 10, MUTED, 'left');
}

/** Draws the QR modules as one filled path of row runs: compact, and no hairline seams when rasterized. */
function drawQrCode(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = size / n;
  const ops = [pushGraphicsState(), setFillingColor(rgb(0, 0, 0))];
  for (let row = 0; row < n; row++) {
    const top = y + size - (row + 1) * m;
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      ops.push(rectangle(x + start * m, top, (col - start) * m, m));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/**
 * Wraps `text` at word boundaries, trying sizes from `maxSize` down until it fits `maxLines` and
 * `maxHeight`; past `minSize` it only has to fit the box, and at the floor it breaks inside words.
 */
function layoutText(text: string, face: Face, opts: LayoutOptions): TextBlock {
  const { maxWidth, maxSize, minSize = maxSize, maxLines = 1, maxHeight = Number.POSITIVE_INFINITY } = opts;
  const words = text.split(' ');
  const unit = words.map((w) => face.measure(w));
  const space = face.measure(' ');
  for (let size = maxSize; size >= FLOOR_SIZE; size -= 0.5) {
    const boxLines = Math.floor(maxHeight / (size * LINE_HEIGHT));
    const keepLines = size >= minSize || !Number.isFinite(maxHeight);
    const allowed = keepLines ? Math.min(maxLines, Math.max(1, boxLines)) : boxLines;
    const lines = wrapWords(words, unit, space, maxWidth / size);
    if (lines && lines.length <= allowed) {
      return block(face, size, balance(words, unit, space, maxWidth / size, lines));
    }
  }
  const lines = wrapChars(text, face, maxWidth / FLOOR_SIZE);
  const boxLines = Math.max(1, Math.floor(maxHeight / (FLOOR_SIZE * LINE_HEIGHT)));
  if (lines.length > boxLines) {
    lines.length = boxLines;
    lines[boxLines - 1] = `${lines[boxLines - 1]!.slice(0, -1)}…`;
  }
  return block(face, FLOOR_SIZE, lines);
}

/** Keeps `text` on one line while it fits at `minSize` or more, else breaks it anywhere at `minSize`. */
function layoutUnbroken(
  text: string,
  face: Face,
  maxWidth: number,
  maxSize: number,
  minSize: number,
): TextBlock {
  const unit = face.measure(text);
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    if (unit * size <= maxWidth) return block(face, size, [text]);
  }
  return block(face, minSize, wrapChars(text, face, maxWidth / minSize));
}

function block(face: Face, size: number, lines: string[]): TextBlock {
  return { size, lines: lines.map((text) => ({ text, width: face.measure(text) * size })) };
}

function wrapWords(words: string[], unit: number[], space: number, maxUnits: number): string[] | null {
  const lines: string[] = [];
  let current: string[] = [];
  let width = 0;
  for (let i = 0; i < words.length; i++) {
    const w = unit[i]!;
    if (w > maxUnits) return null; // a word wider than the line: only a smaller size can help
    const next = current.length === 0 ? w : width + space + w;
    if (next > maxUnits && current.length > 0) {
      lines.push(current.join(' '));
      current = [words[i]!];
      width = w;
    } else {
      current.push(words[i]!);
      width = next;
    }
  }
  if (current.length > 0) lines.push(current.join(' '));
  return lines;
}

function balance(
  words: string[],
  unit: number[],
  space: number,
  maxUnits: number,
  lines: string[],
): string[] {
  // Greedy wrapping leaves a lone word on the last line; the narrowest width that keeps the same line
  // count spreads the words evenly, as a typesetter would for a centred title.
  if (lines.length < 2) return lines;
  let lo = maxUnits / lines.length;
  let hi = maxUnits;
  let best = lines;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const tried = wrapWords(words, unit, space, mid);
    if (tried && tried.length <= lines.length) {
      best = tried;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

function wrapChars(text: string, face: Face, maxUnits: number): string[] {
  // Summing per-character widths ignores kerning; the 2% margin covers it.
  const limit = maxUnits * 0.98;
  const lines: string[] = [];
  let current = '';
  let width = 0;
  for (const ch of text) {
    const w = face.measure(ch);
    if (current !== '' && width + w > limit) {
      lines.push(current.trimEnd());
      current = ch === ' ' ? '' : ch;
      width = ch === ' ' ? 0 : w;
    } else {
      current += ch;
      width += w;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Draws each line from the first baseline `y` down, centred on `x` or starting at it. */
function drawBlock(
  page: PDFPage,
  block: TextBlock,
  face: Face,
  x: number,
  y: number,
  color: RGB,
  align: 'center' | 'left' = 'center',
): void {
  let baseline = y;
  for (const line of block.lines) {
    const lineX = align === 'center' ? x - line.width / 2 : x;
    page.drawText(line.text, { x: lineX, y: baseline, size: block.size, font: face.font, color });
    baseline -= block.size * LINE_HEIGHT;
  }
}

/** Draws a centred block vertically centred in the box from `top` down `boxHeight`. */
function drawBlockInBox(
  page: PDFPage,
  block: TextBlock,
  face: Face,
  top: number,
  boxHeight: number,
  color: RGB,
  centerX = CENTER_X,
): void {
  const height = block.lines.length * block.size * LINE_HEIGHT;
  // 0.95 em from the top of a line to its baseline leaves room for Vietnamese stacked marks (Ấ, Ẫ).
  const firstBaseline = top - Math.max(0, (boxHeight - height) / 2) - block.size * 0.95;
  drawBlock(page, block, face, centerX, firstBaseline, color);
}

function subsetTag(seed: string): string {
  // FNV-1a: enough to vary the tag with the content, without a crypto dependency in a pure module.
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}

function rotateTag(tag: string): string {
  // The bold subset needs its own tag; rotating the letters keeps it derived and distinct.
  return [...tag].map((ch) => String.fromCharCode(65 + ((ch.charCodeAt(0) - 65 + 13) % 26))).join('');
}
