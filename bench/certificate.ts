import { pathToFileURL } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument } from 'pdf-lib';
import {
  type CertificateContent,
  type CertificateFonts,
  certificateFontkit,
  renderCertificatePdf,
} from '../shared/pdf/certificate.ts';
import { loadCertificateFonts } from '../shared/pdf/font.ts';
import { figure, recordFigures } from './lib.ts';

const RUNS = 200;
const WARMUP = 30;
const GOAL_MEDIAN_MS = 50;
const GOAL_MAX_BYTES = 80 * 1024;

const HOLDERS = [
  'Không gian Nghệ thuật Ưu Đàm – Đường Lạc Long Quân',
  'Hợp tác xã Vụn Art – Phường Vạn Phúc',
  'Không gian Sáng tạo Ưu Đàm Đặng Thị Ngọc Ánh',
  'Nhà sàn Đức Thịnh',
  'Trung tâm Văn hóa Nghệ thuật Đương đại Hà Nội – Chi nhánh Phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội, nơi tổ chức triển lãm, hội thảo và các chương trình giáo dục nghệ thuật cho cộng đồng',
  'Xưởng Gốm Bát Tràng Ngọc Ánh',
];

function content(i: number): CertificateContent {
  const serial = String(i + 1).padStart(4, '0');
  return {
    number: `${serial}/2025/GCN-KGST`,
    // The index makes each name, and so each subset and width cache lookup, a little different.
    holderName: `${HOLDERS[i % HOLDERS.length]} ${i}`,
    holderAddress: `${(i % 97) + 1} phố Hàng Bồ, Phường Hoàn Kiếm, Thành phố Hà Nội`,
    roundName: 'Đợt kết nạp năm 2025',
    issuedOn: '05/09/2025',
    signatory: { name: 'Nguyễn Thị Ngọc Hòa', title: 'Giám đốc Trung tâm Điều phối các hoạt động sáng tạo' },
    verifyUrl: `https://kgst.hanoi.example/xac-minh/${serial}-2025-GCN-KGST?c=${(i * 2654435761) >>> 0}`,
  };
}

/** The least any certificate can cost: a blank A4 landscape page, the same subset font, one short line. */
async function renderFloor(
  fonts: CertificateFonts,
  fontkitInstance: typeof certificateFontkit,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitInstance);
  const font = await doc.embedFont(fonts.regular, { subset: true });
  const [height, width] = PageSizes.A4;
  const page = doc.addPage([width, height]);
  page.drawText('Giấy chứng nhận', { x: 72, y: height - 72, size: 14, font });
  return doc.save();
}

interface Series {
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  medianBytes: number;
  maxBytes: number;
}

async function measure(runs: number, render: (i: number) => Promise<Uint8Array>): Promise<Series> {
  for (let i = 0; i < WARMUP; i++) await render(i);
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const pdf = await render(i);
    times.push(performance.now() - start);
    sizes.push(pdf.byteLength);
  }
  return {
    medianMs: round(quantile(times, 0.5)),
    p95Ms: round(quantile(times, 0.95)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    medianBytes: quantile(sizes, 0.5),
    maxBytes: Math.max(...sizes),
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Renders 200 certificates after a warm-up and reports median / p95 ms and size next to a one-line floor. */
export async function runCertificateBench(): Promise<Record<string, unknown>> {
  // First render in this process: font read, TTF parse and JIT warm-up, roughly a Lambda cold start.
  const coldStart = performance.now();
  const fonts = await loadCertificateFonts();
  await renderCertificatePdf(content(0), fonts);
  const coldFirstRenderMs = round(performance.now() - coldStart);

  const certificate = await measure(RUNS, (i) => renderCertificatePdf(content(i), fonts));
  const floor = await measure(RUNS, () => renderFloor(fonts, certificateFontkit));
  // The same floor with a fresh parse per document, as pdf-lib's README registers fontkit: what the
  // parsed-font cache saves.
  const floorReparse = await measure(RUNS, () => renderFloor(fonts, fontkit));

  const rows = { certificate, floor, 'floor, TTF re-parsed': floorReparse };
  console.log(
    `certificate PDF, ${RUNS} renders after ${WARMUP} warm-up; first render in process ${coldFirstRenderMs} ms`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(rows).map(([name, s]) => [
        name,
        {
          'median ms': s.medianMs,
          'p95 ms': s.p95Ms,
          'mean ms': s.meanMs,
          'median KB': round(s.medianBytes / 1024),
          'max KB': round(s.maxBytes / 1024),
        },
      ]),
    ),
  );
  const meetsGoals = certificate.medianMs <= GOAL_MEDIAN_MS && certificate.maxBytes <= GOAL_MAX_BYTES;
  console.log(
    `goal ≤ ${GOAL_MEDIAN_MS} ms median, ≤ ${GOAL_MAX_BYTES / 1024} KB: ${meetsGoals ? 'met' : 'NOT met'}`,
  );

  recordFigures('certificate', {
    'certificate median': figure(certificate.medianMs, 'ms', { max: GOAL_MEDIAN_MS }),
    'certificate largest': figure(certificate.maxBytes, 'bytes', { max: GOAL_MAX_BYTES }),
  });
  return {
    runs: RUNS,
    warmup: WARMUP,
    coldFirstRenderMs,
    certificate,
    floor,
    floorReparse,
    goals: { medianMs: GOAL_MEDIAN_MS, maxBytes: GOAL_MAX_BYTES, met: meetsGoals },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCertificateBench();
}
