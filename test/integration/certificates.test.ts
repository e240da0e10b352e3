import { createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createSigner, createVerifier } from 'fast-jwt';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_STATE_MACHINE_ARN, LOCAL_TABLE } from '../../infra/local/system.ts';
import type { MembershipCredential } from '../../shared/domain/certificate.ts';
import { achievementCredentialErrors } from '../fixtures/ob3/achievement-credential.ts';
import {
  adminPost,
  api,
  type CapturedEmail,
  getDossierItem,
  invoke,
  local,
  mailbox,
  readyDraft,
  recommend,
  sdk,
  sessionFromSignInEmail,
  signOff,
  unique,
  validForm,
  waitForEmail,
} from './helpers.ts';

const COORDINATOR = 'coordinator@kgst.test';
const site = (path: string) => `${local().urls.site}${path}`;
const executionArn = (id: string) =>
  `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${id}`;

/** Certificate items of a dossier: its pointer, and every CERTIFICATE# item naming it (test-only lookups). */
async function certificateOf(dossierId: string) {
  const { ddb } = sdk();
  const pointer = (
    await ddb.send(
      new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${dossierId}`, sk: 'CERTIFICATE' } }),
    )
  ).Item;
  const certificate = pointer
    ? (
        await ddb.send(
          new GetCommand({
            TableName: LOCAL_TABLE,
            Key: { pk: `CERTIFICATE#${pointer.certificateId}`, sk: 'CERTIFICATE' },
          }),
        )
      ).Item
    : undefined;
  const audit = (
    await ddb.send(
      new QueryCommand({
        TableName: LOCAL_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `DOSSIER#${dossierId}`, ':a': 'AUDIT#' },
      }),
    )
  ).Items!;
  return { pointer, certificate, audit };
}

/** Submits a ready draft and waits until its workflow is waiting for the reviewers. */
async function submitted(tag: string) {
  const { id, editToken } = await readyDraft(tag);
  const { json } = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
  const reviewMail = await waitForEmail(
    (e) => e.destination.to.includes('reviewer.a@kgst.test') && e.subject.includes(json.code),
  );
  return { id, code: json.code as string, reviewMail };
}

/** The skeleton's approve steps (intake.test.ts): reviewer link → POST approve → execution succeeds. */
async function approved(tag: string) {
  const { id, code, reviewMail } = await submitted(tag);
  const url = new URL(/https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(reviewMail.body.text ?? '')![0]);
  const decide = await fetch(url.origin + url.pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `s=${url.searchParams.get('s')}&confirm=1&outcome=approved&comment=${encodeURIComponent('Hồ sơ đầy đủ')}`,
  });
  expect(decide.status).toBe(200);
  await signOff(id);
  await vi.waitFor(
    async () => {
      const out = await sdk().sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) }));
      expect(out.status).toBe('SUCCEEDED');
    },
    { timeout: 30_000, interval: 200 },
  );
  const email = await waitForEmail(
    (e) => e.destination.to.includes(`dai.dien.${tag}@example.vn`) && /Chúc mừng/.test(e.body.text ?? ''),
  );
  return { id, code, email };
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const { items } = await (await doc.getPage(1)).getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5]);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4], str: item.str }]);
    }
    return [...rows.entries()]
      .sort(([a], [b]) => b - a)
      .map(([, row]) =>
        row
          .sort((a, b) => a.x - b.x)
          .map((i) => i.str)
          .join(''),
      )
      .join(' ')
      .normalize('NFC')
      .replace(/\s+/g, ' ');
  } finally {
    await doc.destroy();
  }
}

/** A coordinator session cookie through the emailed sign-in link (as the admin tests do). */
async function signIn(): Promise<string> {
  const isSignIn = (e: CapturedEmail) =>
    e.destination.to.includes(COORDINATOR) && /\/admin\/sign-in\//.test(e.body.text ?? '');
  const before = new Set((await mailbox()).filter(isSignIn).map((e) => e.messageId));
  await fetch(site('/admin/sign-in'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: COORDINATOR }).toString(),
  });
  const email = await waitForEmail((e) => isSignIn(e) && !before.has(e.messageId));
  return sessionFromSignInEmail(email.body.text ?? '');
}

describe('certificates (local system: DynamoDB Local, s3rver, SES, local Step Functions)', () => {
  const tag = unique();
  const holder = validForm(tag).space.nameVi;
  let approval: Awaited<ReturnType<typeof approved>>;
  let verifyId: string;

  beforeAll(async () => {
    approval = await approved(tag);
  }, 90_000);

  it('issues exactly one certificate on approval, numbered NNNN/yyyy/GCN-KGST', async () => {
    const { pointer, certificate, audit } = await certificateOf(approval.id);
    expect(pointer).toBeDefined();
    expect(certificate).toMatchObject({
      dossierId: approval.id,
      holderName: holder,
      holderAddress: '12 phố Hàng Bồ, Phường Hoàn Kiếm, Thành phố Hà Nội',
      status: 'valid',
    });
    expect(certificate!.number).toMatch(/^\d{4}\/\d{4}\/GCN-KGST$/);
    expect(certificate!.id).toMatch(/^[\w-]{22}$/);
    expect(audit.filter((a) => a.action === 'certificate_issued')).toHaveLength(1);
    expect((await getDossierItem(approval.id))?.status).toBe('approved');
    verifyId = certificate!.id;
  });

  it('emails the number, the verification URL and a download link to a PDF with the holder’s exact name', async () => {
    const text = approval.email.body.text ?? '';
    const { certificate } = await certificateOf(approval.id);
    expect(text).toContain(certificate!.number);
    expect(text).toContain(site(`/verify/${verifyId}`));
    // The text part shows a link under other words as "words [url]"
    const download = /https?:\/\/\S+certificates\/[\w-]+\.pdf\?[^\s\]]+/.exec(text)?.[0];
    expect(download).toBeDefined();
    const res = await fetch(download!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Giấy chứng nhận ${certificate!.number.replaceAll('/', '-')}.pdf`)}`,
    );
    const pdf = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const content = await pdfText(pdf);
    expect(content).toContain(holder.normalize('NFC'));
    expect(content).toContain(certificate!.number);
  });

  it('sends the approval under its own subject, with the certificate PDF attached as well as linked', async () => {
    const { certificate } = await certificateOf(approval.id);
    const email = approval.email as CapturedEmail & {
      attachments: { filename: string; contentType: string; content: string }[];
    };
    expect(email.subject).toContain(`Hồ sơ ${approval.code}: được công nhận thành viên`);
    expect(email.subject).toContain('approved as a Network member');
    const attached = email.attachments.find((a) => a.contentType === 'application/pdf');
    expect(attached?.filename).toBe(`Giấy chứng nhận ${certificate!.number.replaceAll('/', '-')}.pdf`);
    const pdf = new Uint8Array(Buffer.from(attached!.content, 'base64'));
    expect(new TextDecoder().decode(pdf.subarray(0, 4))).toBe('%PDF');
    expect(await pdfText(pdf)).toContain(certificate!.number);
    expect(email.body.text).toContain('được đính kèm thư này (PDF)');
  });

  it('shows the certificate with a fresh download link on /status', async () => {
    const res = await fetch(site('/status'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: approval.code, email: `dai.dien.${tag}@example.vn` }).toString(),
    });
    const page = await res.text();
    expect(res.status).toBe(200);
    const { certificate } = await certificateOf(approval.id);
    expect(page).toContain(certificate!.number);
    expect(page).toContain(site(`/verify/${verifyId}`));
    const link = /href="([^"]+\/certificates\/[\w-]+\.pdf\?[^"]+)"/.exec(page)?.[1];
    expect(link).toBeDefined();
    const pdf = await fetch(link!.replaceAll('&amp;', '&'));
    expect(pdf.status).toBe(200);
  });

  it('says valid on the verification page, in Vietnamese and in English', async () => {
    const vi = await fetch(site(`/verify/${verifyId}`));
    expect(vi.status).toBe(200);
    expect(vi.headers.get('cache-control')).toBe('no-store');
    const page = await vi.text();
    expect(page).toContain('Giấy chứng nhận hợp lệ');
    expect(page).toContain(holder);
    expect(page).toContain('Phường Hoàn Kiếm');
    const en = await (await fetch(site(`/verify/${verifyId}?lang=en`))).text();
    expect(en).toContain('Valid certificate');
  });

  it('returns an Open Badges 3.0 credential whose VC-JWT verifies against /issuer/jwks.json; a tampered one fails', async () => {
    const res = await fetch(site(`/verify/${verifyId}`), { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    const { credential, jwt } = (await res.json()) as {
      credential: MembershipCredential & { credentialStatus?: unknown };
      jwt: string;
    };
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer.id).toBe(site('/issuer'));
    expect(credential.credentialSubject.achievement.name).toBe(
      'Thành viên Mạng lưới Không gian Sáng tạo Hà Nội',
    );
    expect(credential.credentialStatus).toBeUndefined();

    const jwks = await (await fetch(site('/issuer/jwks.json'))).json();
    const keys = createLocalJWKSet(jwks);
    const { payload, protectedHeader } = await jwtVerify(jwt, keys, { algorithms: ['EdDSA'] });
    expect(protectedHeader.kid).toMatch(new RegExp(`^${site('/issuer/jwks.json')}#`));
    // OB 3.0 §8.2: `typ`, if present, is `JWT`; the payload is the credential plus the JWT claims.
    expect(protectedHeader.typ).toBe('JWT');
    const { iss, jti, sub, nbf, iat, ...signed } = payload;
    expect({ iss, jti, sub }).toEqual({
      iss: credential.issuer.id,
      jti: credential.id,
      sub: credential.credentialSubject.id,
    });
    expect(nbf).toBe(iat);
    expect(signed).toEqual(credential);

    // The same credential with a different holder, re-encoded under the original signature.
    const [header, body, signature] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8'));
    forged.credentialSubject.identifier[0].identityHash = 'Không gian Giả mạo';
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    await expect(jwtVerify(tampered, keys)).rejects.toThrow(/signature/i);

    const raw = await fetch(site(`/verify/${verifyId}`), { headers: { accept: 'application/vc+jwt' } });
    expect(raw.headers.get('content-type')).toBe('application/vc+jwt');
    await jwtVerify(await raw.text(), keys);
    const issuer = await (await fetch(site('/issuer'))).json();
    expect(issuer).toMatchObject({ id: site('/issuer'), type: ['Profile'] });
  });

  it('signs an Open Badges 3.0 VC-JWT (§8.2) that fast-jwt, not the signer’s jose, verifies claim by claim; the credential meets the OB 3.0 schema', async () => {
    const { credential, jwt } = (await (
      await fetch(site(`/verify/${verifyId}`), { headers: { accept: 'application/json' } })
    ).json()) as { credential: MembershipCredential & { validUntil?: string }; jwt: string };

    // §8.2 "Verify a Credential": dereference the header's `kid` (the JWKS URL, then the key it names).
    const issuerKey = async ({ header }: { header: { kid?: string } }) => {
      const kid = header.kid!;
      const { keys } = (await (await fetch(kid.split('#')[0]!)).json()) as { keys: JsonWebKey[] };
      const jwk = keys.find((k) => (k as { kid?: string }).kid === kid)!;
      return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;
    };
    const verify = createVerifier({
      key: issuerKey,
      algorithms: ['EdDSA'],
      checkTyp: 'JWT',
      complete: true,
      requiredClaims: ['iss', 'jti', 'nbf', 'sub'],
      allowedIss: credential.issuer.id,
      allowedJti: credential.id,
      allowedSub: credential.credentialSubject.id,
    });
    const { header, payload } = await verify(jwt);
    // Exactly the headers §8.2 allows ("Additional JOSE Headers are NOT allowed").
    expect(header).toEqual({
      alg: 'EdDSA',
      kid: expect.stringMatching(new RegExp(`^${site('/issuer/jwks.json')}#[\\w-]{43}$`)),
      typ: 'JWT',
    });
    expect(payload.iss).toBe(site('/issuer'));
    expect(payload.iss).toBe(credential.issuer.id);
    expect(payload.jti).toBe(site(`/verify/${verifyId}`));
    expect(payload.jti).toBe(credential.id);
    expect(payload.sub).toBe(credential.credentialSubject.id);
    // NumericDates back to DateTimes equal validFrom exactly (a verifier compares them); no validUntil, no exp.
    expect(new Date(payload.nbf * 1000).toISOString().replace('.000Z', 'Z')).toBe(credential.validFrom);
    expect(payload.iat).toBe(payload.nbf);
    expect(credential.validUntil).toBeUndefined();
    expect(payload).not.toHaveProperty('exp');
    // The credential is the payload itself (not a VC 1.1 `vc` claim).
    const { iss, jti, sub, nbf, iat, ...signed } = payload;
    expect(signed).toEqual(credential);
    expect(payload).not.toHaveProperty('vc');

    // The bare `application/vc+jwt` form is the same JWT.
    const raw = await fetch(site(`/verify/${verifyId}`), { headers: { accept: 'application/vc+jwt' } });
    expect((await verify(await raw.text())).payload).toEqual(payload);

    // Another holder under the original signature, and the same forgery signed by a key that is not the issuer's.
    const [h, , signature] = jwt.split('.');
    const forged = { ...payload, credentialSubject: { ...payload.credentialSubject, identifier: [] } };
    const body = Buffer.from(JSON.stringify(forged)).toString('base64url');
    await expect(verify(`${h}.${body}.${signature}`)).rejects.toMatchObject({
      code: 'FAST_JWT_INVALID_SIGNATURE',
    });
    const stranger = generateKeyPairSync('ed25519').privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    const resigned = createSigner({
      key: stranger,
      algorithm: 'EdDSA',
      kid: header.kid,
    })(forged);
    await expect(verify(resigned)).rejects.toMatchObject({ code: 'FAST_JWT_INVALID_SIGNATURE' });

    // The OB 3.0 AchievementCredential JSON schema: the credential, and the credential as the JWT carries it.
    expect(achievementCredentialErrors(credential)).toEqual([]);
    expect(achievementCredentialErrors(payload)).toEqual([]);
    // The schema does refuse what is not an OpenBadgeCredential.
    const { issuer: _, ...issuerless } = credential;
    expect(achievementCredentialErrors({ ...issuerless, type: ['VerifiableCredential'] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/ must have required property 'issuer'/)]),
    );
  });

  it('makes one certificate when two IssueCertificate invocations race for one dossier', async () => {
    const t = unique();
    const { id } = await submitted(t);
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('in_review'));
    await recommend(id);
    // Two invocations at once through the local Lambda API, as the workflow's retries could make them.
    const results = (await Promise.all([
      invoke('issueCertificate', { dossierId: id }),
      invoke('issueCertificate', { dossierId: id }),
    ])) as { certificateId: string; number: string }[];
    expect(results[0]).toEqual(results[1]);
    const again = (await invoke('issueCertificate', { dossierId: id })) as { certificateId: string };
    expect(again.certificateId).toBe(results[0]!.certificateId);
    const { pointer, certificate, audit } = await certificateOf(id);
    expect(pointer!.certificateId).toBe(results[0]!.certificateId);
    expect(certificate!.number).toBe(results[0]!.number);
    expect(audit.filter((a) => a.action === 'certificate_issued')).toHaveLength(1);
  });

  it('revokes for a coordinator only: the page shows it at once with the reason, and the holder is emailed', async () => {
    const reason = 'Không gian đã ngừng hoạt động từ tháng 8/2025';
    const anonymous = await fetch(site(`/admin/certificates/${verifyId}/revoke`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ reason }).toString(),
    });
    expect(anonymous.status).toBe(403);
    expect((await certificateOf(approval.id)).certificate!.status).toBe('valid');

    const cookie = await signIn();
    // The admin dossier page shows the certificate and a revoke form with a required reason.
    const dossierPage = await (
      await fetch(site(`/admin/dossiers/${approval.id}`), { headers: { cookie } })
    ).text();
    const card = dossierPage.slice(dossierPage.indexOf('id="certificate"'));
    expect(card).toContain('data-certificate-status="valid"');
    expect(card).toContain((await certificateOf(approval.id)).certificate!.number);
    expect(card).toContain(`href="${site(`/verify/${verifyId}`)}"`);
    expect(card).toContain('Còn hiệu lực');
    const action = /<form method="post" action="([^"]+)"/.exec(card)?.[1];
    expect(action).toBe(`/admin/certificates/${verifyId}/revoke`);
    expect(card).toMatch(/<textarea id="revoke-reason" name="reason" required/);
    const revoke = () => adminPost(action!, { reason }, cookie, { accept: 'application/json' });
    const res = await revoke();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'revoked',
      revokedBy: COORDINATOR,
      alreadyRevoked: false,
    });

    const page = await (await fetch(site(`/verify/${verifyId}`))).text();
    expect(page).toContain('Giấy chứng nhận đã bị thu hồi');
    expect(page).toContain(reason);
    const { credential } = await (
      await fetch(site(`/verify/${verifyId}`), { headers: { accept: 'application/json' } })
    ).json();
    expect(credential.credentialStatus).toMatchObject({ status: 'revoked', revocationReason: reason });
    expect(achievementCredentialErrors(credential)).toEqual([]);

    const isRevocation = (e: CapturedEmail) =>
      e.destination.to.includes(`dai.dien.${tag}@example.vn`) && /Thu hồi giấy chứng nhận/.test(e.subject);
    const email = await waitForEmail(isRevocation);
    expect(email.body.text).toContain(reason);

    const after = await (await fetch(site(`/admin/dossiers/${approval.id}`), { headers: { cookie } })).text();
    // The certificate's card alone (the member's hide form below it asks for a reason too).
    const revokedCard = after.slice(
      after.indexOf('id="certificate"'),
      after.indexOf('</section>', after.indexOf('id="certificate"')),
    );
    expect(revokedCard).toContain('data-certificate-status="revoked"');
    expect(revokedCard).toContain(reason);
    expect(revokedCard).not.toContain('name="reason"');
    // The dossier's audit trail reads it as a revocation, by the coordinator, with the reason.
    const trail = after.slice(after.indexOf('id="audit"'));
    expect(trail).toMatch(new RegExp(`Đã thu hồi giấy chứng nhận số [^<]*: ${reason}[^<]*· ${COORDINATOR}`));

    // A second revocation changes nothing and emails nobody again.
    const second = await revoke();
    expect(await second.json()).toMatchObject({ status: 'revoked', alreadyRevoked: true });
    const { audit } = await certificateOf(approval.id);
    expect(audit.filter((a) => a.action === 'certificate_revoked')).toHaveLength(1);
    expect((await mailbox()).filter(isRevocation)).toHaveLength(1);
  });

  it('answers 404 for an unknown id, as a page and as JSON', async () => {
    const page = await fetch(site('/verify/AAAAAAAAAAAAAAAAAAAAAA'));
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Không tìm thấy');
    const json = await fetch(site('/verify/not-an-id'), { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    // The page's machine-readable link asks by query: an unknown id answers in JSON too.
    const byQuery = await fetch(site('/verify/AAAAAAAAAAAAAAAAAAAAAA?format=json'));
    expect(byQuery.status).toBe(404);
    expect(byQuery.headers.get('content-type')).toContain('application/json');
    expect(((await byQuery.json()) as { message: string }).message).toBeTruthy();
  });
});
