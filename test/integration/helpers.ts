import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_TABLE } from '../../infra/local/system.ts';

/** URLs of the local system the global setup started; refuses anything but loopback. */
export function local() {
  const ctx = inject('local');
  for (const url of Object.values(ctx.urls)) {
    if (!/^http:\/\/127\.0\.0\.1:\d+/.test(url))
      throw new Error(`Integration tests only talk to loopback, not ${url}`);
  }
  return ctx;
}

export const sdk = () => {
  const { urls } = local();
  const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: urls.dynamo })),
    sfn: new SFNClient({ ...base, endpoint: urls.sfn }),
  };
};

export async function getDossierItem(id: string) {
  const out = await sdk().ddb.send(
    new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } }),
  );
  return out.Item;
}

export interface CapturedEmail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { html?: string; text?: string };
  at: number;
}

/** Emails captured by aws-ses-v2-local. */
export async function mailbox(): Promise<CapturedEmail[]> {
  const res = await fetch(`${local().urls.mailbox}/store`);
  return ((await res.json()) as { emails: CapturedEmail[] }).emails;
}

/** Waits until an email matching `match` has arrived. */
export async function waitForEmail(
  match: (e: CapturedEmail) => boolean,
  timeoutMs = 15_000,
): Promise<CapturedEmail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox()).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error('Expected email did not arrive');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const unique = () => Math.random().toString(36).slice(2, 8);

/** Minimal real files: the magic bytes are what the server checks. */
export const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff8a8ed80000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
};

export function validForm(tag: string, email = `dai.dien.${tag}@example.vn`) {
  return {
    space: {
      nameVi: `Không gian Nghệ thuật Ưu Đàm ${tag}`,
      nameEn: `Uu Dam Art Space ${tag}`,
      ownership: 'private_company',
      spaceType: 'gallery',
      creativeFields: ['visual_arts', 'crafts_folk_art'],
      street: '12 phố Hàng Bồ',
      wardCode: '00070',
      foundedYear: 2016,
      floorAreaM2: 180,
      website: 'https://uudam.example.vn',
      socialLinks: ['https://facebook.com/uudam'],
      description:
        'Không gian trưng bày mỹ thuật đương đại và thủ công truyền thống, tổ chức triển lãm, workshop và các buổi nói chuyện nghệ thuật hằng tháng.',
      registrationNumber: `0109${tag}`,
    },
    representative: {
      fullName: 'Phạm Út Quyên',
      position: 'Giám đốc',
      email,
      phone: '0912 345 678',
    },
    consent: true,
  };
}

export async function api(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${local().urls.site}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** Uploads a file the way the browser does: presigned POST fields, then the file. */
export async function upload(
  id: string,
  token: string,
  slot: string,
  fileName: string,
  contentType: string,
  bytes: Buffer,
) {
  const req = await api(`/api/applications/${id}/uploads`, {
    body: { slot, fileName, contentType, size: bytes.length },
    token,
  });
  if (req.status !== 201) return { request: req };
  const form = new FormData();
  for (const [k, v] of Object.entries(req.json.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
  const s3 = await fetch(req.json.upload.url, { method: 'POST', body: form });
  return { request: req, s3Status: s3.status, fileId: req.json.fileId as string };
}

/** A draft with every required document uploaded. */
export async function readyDraft(tag: string) {
  const created = await api('/api/applications', { body: validForm(tag) });
  const { id, editToken } = created.json as { id: string; editToken: string };
  await upload(id, editToken, 'legal', 'Giấy phép kinh doanh.pdf', 'application/pdf', FILES.pdf);
  for (const n of [1, 2, 3])
    await upload(id, editToken, 'photos', `Ảnh không gian ${n}.png`, 'image/png', FILES.png);
  await upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', FILES.pdf);
  return { id, editToken };
}
