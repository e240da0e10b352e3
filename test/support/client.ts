import { FILES } from '../fixtures/files.ts';

export interface CapturedEmail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { html?: string; text?: string };
  at: number;
}

/** Sample answers to the form; `tag` makes the space and the email unique per test. */
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

/**
 * An HTTP client for one local system (the site and the local mailbox), doing what a browser and a
 * person would: API calls, presigned uploads, reading the emails that arrived.
 */
export function makeClient(urls: () => { site: string; mailbox: string }) {
  async function api(
    path: string,
    init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ) {
    const res = await fetch(`${urls().site}${path}`, {
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
    // biome-ignore lint/suspicious/noExplicitAny: response shapes differ per route; each test reads its own fields.
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  /** Uploads a file the way the browser does: presigned POST fields, then the file. */
  async function upload(
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

  /** A draft of `form` with every required document uploaded. */
  async function readyDraft(tag: string, form = validForm(tag)) {
    const created = await api('/api/applications', { body: form });
    const { id, editToken } = created.json as { id: string; editToken: string };
    await upload(id, editToken, 'legal', 'Giấy phép kinh doanh.pdf', 'application/pdf', FILES.pdf);
    for (const n of [1, 2, 3])
      await upload(id, editToken, 'photos', `Ảnh không gian ${n}.png`, 'image/png', FILES.png);
    await upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', FILES.pdf);
    return { id, editToken };
  }

  /** Emails captured by aws-ses-v2-local. */
  async function mailbox(): Promise<CapturedEmail[]> {
    const res = await fetch(`${urls().mailbox}/store`);
    return ((await res.json()) as { emails: CapturedEmail[] }).emails;
  }

  /** Waits until an email matching `match` has arrived. */
  async function waitForEmail(
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

  /** Posts an HTML form (application/x-www-form-urlencoded) to a full URL. */
  const postForm = (url: string, fields: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  /**
   * Submits a draft and waits for the review email `reviewer` gets for it: the dossier's code, that email and
   * the review link in it. The wait is generous: a shared system serves every test file of the run at once.
   */
  async function submitForReview(
    draft: { id: string; editToken: string },
    reviewer: string,
    timeoutMs = 30_000,
  ) {
    const submitted = await api(`/api/applications/${draft.id}/submit`, {
      method: 'POST',
      token: draft.editToken,
    });
    if (submitted.status !== 200) throw new Error(`Submit answered ${submitted.status}: ${submitted.text}`);
    const code = submitted.json.code as string;
    const mail = await waitForEmail(
      (e) => e.destination.to.includes(reviewer) && e.subject.includes(code),
      timeoutMs,
    );
    return { code, mail, link: new URL(reviewLinkIn(mail.body.text)) };
  }

  return { api, upload, readyDraft, submitForReview, mailbox, waitForEmail, postForm };
}

/**
 * Posts an HTML form to an emailed link's page, as its form does: the link's secret `s` and the fields (a list
 * is sent as repeated fields, like ticked checkboxes).
 */
export function postLinkForm(link: URL, fields: Record<string, string | readonly string[]>) {
  const body = new URLSearchParams();
  body.set('s', link.searchParams.get('s') ?? '');
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return fetch(link.origin + link.pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
}

/** The first review link in an email body (`/review/<id>?s=<secret>`). */
export const reviewLinkIn = (text: string | undefined): string => {
  const m = /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(text ?? '');
  if (!m) throw new Error('No review link in the email');
  return m[0];
};
