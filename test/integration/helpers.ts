import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { expect, vi } from 'vitest';
import type { FunctionName } from '../../infra/functions.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Staff } from '../../shared/adapters/dynamodb/staff.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Mailer, OutgoingEmail } from '../../shared/adapters/ses/mailer.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { transition } from '../../shared/domain/lifecycle.ts';
import type { Round } from '../../shared/domain/round.ts';
import { hashSecret, newSecret } from '../../shared/domain/secrets.ts';
import { withText } from '../../shared/mail/plain-text.ts';
import { makeCoordinatorSessions } from '../../shared/usecases/coordinator-session.ts';
import { makeInvitations } from '../../shared/usecases/invitations.ts';
import { FILES } from '../fixtures/files.ts';
import { makeClient, postLinkForm, validForm } from '../support/client.ts';
import { sharedSystem } from '../support/shared-system.ts';

/** The local system the global setup started (URLs and the functions' environment), loopback only. */
export const local = sharedSystem;

export const sdk = () => {
  const { urls } = local();
  const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    ddb: DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: urls.dynamo })),
    sfn: new SFNClient({ ...base, endpoint: urls.sfn }),
  };
};

/**
 * The stored dossier item, with its `history` as the adapter reads it: the item no longer stores it, its
 * entries are the dossier's audit items (issue 15).
 */
export async function getDossierItem(
  id: string,
  // biome-ignore lint/suspicious/noExplicitAny: tests read the fields they assert on.
): Promise<Record<string, any> | undefined> {
  const { ddb } = sdk();
  const [out, dossier] = await Promise.all([
    ddb.send(new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } })),
    new Dossiers(new Store(ddb, LOCAL_TABLE)).get(id),
  ]);
  return out.Item && { ...out.Item, ...dossier };
}

export type { CapturedEmail } from '../support/client.ts';

const client = makeClient(() => local().urls);

/** Emails captured by aws-ses-v2-local on the shared system. */
export const mailbox = client.mailbox;
/** Waits until an email matching `match` has arrived. */
export const waitForEmail = client.waitForEmail;
export const api = client.api;
export const upload = client.upload;
export const readyDraft = client.readyDraft;
export const submitForReview = client.submitForReview;
export { postLinkForm, validForm };

/** Waits until the dossier's item has `status` (the workflow moves it on its own time). */
export const waitForStatus = (id: string, status: string, timeoutMs = 60_000) =>
  vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe(status), {
    timeout: timeoutMs,
    interval: 200,
  });

export const unique = () => Math.random().toString(36).slice(2, 8);

export { FILES };

/**
 * A dossier of `round` in `status`, written through the adapter as intake would have stored it, with an
 * edit token the test knows. The id is `<prefix>-<random>`; the representative's email and name may be set.
 */
export async function seedDossier(
  round: Round,
  status: DossierStatus,
  opts: { prefix: string; email?: string; fullName?: string },
): Promise<{ d: Dossier; token: string }> {
  const tag = unique();
  const token = newSecret();
  const now = new Date().toISOString();
  const form = validForm(tag, opts.email ?? `member.${tag}@example.vn`);
  const d: Dossier = {
    id: `${opts.prefix}-${tag}`,
    roundId: round.id,
    status,
    ...(status === 'draft' ? {} : { code: `KGST-${round.codePrefix}-${tag}`, submittedAt: now }),
    form: {
      ...form,
      representative: { ...form.representative, ...(opts.fullName ? { fullName: opts.fullName } : {}) },
    } as unknown as Dossier['form'],
    documents: {},
    history: [{ at: now, from: null, to: status, by: 'test' }],
    createdAt: now,
    updatedAt: now,
    editTokenHash: hashSecret(token),
    version: 1,
  };
  await new Dossiers(new Store(sdk().ddb, LOCAL_TABLE)).create(d, []);
  return { d, token };
}

/** A coordinator's session cookie from an emailed sign-in link, used through the API as a browser would. */
export async function sessionFromSignInEmail(text: string): Promise<string> {
  const [, linkId, secret] = /\/admin\/sign-in\/([\w-]+)#([\w-]+)/.exec(text)!;
  const res = await fetch(`${local().urls.site}/admin/sign-in/${linkId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ secret }),
  });
  if (res.status !== 200) throw new Error(`Sign-in refused: ${res.status}`);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('hcsn_session='))!
    .split(';')[0]!;
}

/**
 * Invokes a function of the shared local system as Lambda's API does (the real client, RequestResponse):
 * it runs in that system's thread for the function, with the function's own environment. A handler's
 * error comes back as Lambda reports it (errorType, errorMessage) and is thrown with that name.
 */
export async function invoke(name: FunctionName, event: unknown): Promise<unknown> {
  const client = new LambdaClient({
    endpoint: local().env.AWS_ENDPOINT_URL_LAMBDA,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const out = await client.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(event) }));
    const payload = JSON.parse(new TextDecoder().decode(out.Payload)) as unknown;
    if (out.FunctionError) {
      const { errorType, errorMessage } = payload as { errorType: string; errorMessage: string };
      const err = new Error(errorMessage);
      err.name = errorType;
      throw err;
    }
    return payload;
  } finally {
    client.destroy();
  }
}

/**
 * The anti-CSRF token of a session, read from an admin page as a browser's form would carry it (every
 * signed-in page has at least the sign-out form). `base` is the site's URL (the shared system's by default).
 */
export async function csrfTokenOf(
  cookie: string,
  base = local().urls.site,
  page = '/admin',
): Promise<string> {
  const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
  const token = /<input type="hidden" name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`No _csrf field on ${page}: is the session live?`);
  return token;
}

/**
 * Posts an admin form as the browser would from its page: the session cookie, the form's fields and the
 * token the page carries (`_csrf`). The redirect is not followed; `accept` picks JSON answers.
 */
export async function adminPost(
  path: string,
  fields: URLSearchParams | Record<string, string>,
  cookie: string,
  opts: { base?: string; accept?: string; token?: string } = {},
): Promise<Response> {
  const base = opts.base ?? local().urls.site;
  const body = new URLSearchParams(fields);
  body.set('_csrf', opts.token ?? (await csrfTokenOf(cookie, base)));
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie,
      ...(opts.accept ? { accept: opts.accept } : {}),
    },
    body: body.toString(),
  });
}

/** An email as a mailer sends it: with its text part. */
type SentEmail = OutgoingEmail & { readonly text: string };

/**
 * A mailer that keeps what it is given, so a file reads its own emails without racing other files; with
 * the text part a mailer sends (derived from the HTML).
 */
export function catcher(): Mailer & { sent: SentEmail[] } {
  const sent: SentEmail[] = [];
  return {
    sent,
    send: async (e) => {
      sent.push(await withText(e));
      return { messageId: `caught-${sent.length}` };
    },
  };
}

/**
 * A staff member's session cookie. The sign-in email is caught by the caller's own mailer (instead of the
 * shared mailbox) so that files signing in at the same time cannot take each other's link; the link is
 * then used through the API as a browser would.
 */
export async function signInAs(store: Store, email: string): Promise<string> {
  const mail = catcher();
  await makeCoordinatorSessions({
    store,
    links: new Links(store),
    mailer: mail,
    clock: () => new Date(),
    publicBaseUrl: local().env.PUBLIC_BASE_URL!,
    staff: new Staff(store),
    secureCookies: false,
  }).requestSignIn(email);
  return sessionFromSignInEmail(mail.sent[0]!.text);
}

/**
 * A member's accepted invitation: the round's invitations are sent through the use-case (to a mailer of
 * the caller's own), the member's RSVP link is answered "attending", and their check-in pass id returned.
 */
export async function acceptedPassOf(store: Store, roundId: string, memberEmail: string): Promise<string> {
  const caught = catcher();
  const inv = makeInvitations({
    store,
    rounds: new Rounds(store),
    dossiers: new Dossiers(store),
    links: new Links(store),
    mailer: caught,
    clock: () => new Date(),
    publicBaseUrl: 'http://127.0.0.1',
    organizer: { name: 'Ban tổ chức', email: 'lienhe@kgst.hanoi.local' },
  });
  await inv.sendInvitations(roundId);
  const mail = caught.sent.find((e) => e.to.includes(memberEmail))!;
  const [, linkId, secret] = /\/rsvp\/([\w-]+)\?s=([\w-]+)/.exec(mail.text)!;
  const answered = await inv.answer(linkId!, secret!, { attending: true, guests: [], accessibility: '' });
  return answered.rsvp!.passId!;
}

/** The local staff's Director (infra/local/seed.ts), who signs approvals off. */
export const LOCAL_DIRECTOR = 'director@kgst.test';

/**
 * The Director's sign-off of a dossier the reviewer (or council) recommended, as the sign-off page's
 * confirmed POST resumes it: SendTaskSuccess to the AwaitSignOff token kept on the dossier. For tests about
 * what follows an approval; the page itself is tested in sign-off.test.ts.
 */
export async function signOff(
  dossierId: string,
  answer: { outcome?: 'approved' | 'sentBack'; by?: string; comment?: string } = {},
): Promise<void> {
  const started = Date.now();
  let token: string | undefined;
  while (!token) {
    token = (await getDossierItem(dossierId))?.signOff?.taskToken;
    if (token) break;
    if (Date.now() - started > 20_000) throw new Error(`Dossier ${dossierId} never awaited sign-off`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await sdk().sfn.send(
    new SendTaskSuccessCommand({
      taskToken: token,
      output: JSON.stringify({
        outcome: answer.outcome ?? 'approved',
        by: answer.by ?? LOCAL_DIRECTOR,
        at: new Date().toISOString(),
        comment: answer.comment ?? '',
      }),
    }),
  );
}

/**
 * Records a reviewer's recommendation as AwaitSignOff does (status `recommended`), for tests that then run
 * the IssueCertificate step directly: only a recommended dossier gets a certificate.
 */
export async function recommend(id: string, by = 'reviewer.a@kgst.test'): Promise<void> {
  const dossiers = new Dossiers(new Store(sdk().ddb, LOCAL_TABLE));
  const d = (await dossiers.get(id))!;
  const request = { taskToken: `test-${id}`, since: new Date().toISOString(), recommendedBy: by };
  const out = transition(d, { type: 'recommend', request }, by, new Date());
  if (!out.ok) throw new Error(`Dossier ${id} is ${d.status}: cannot be recommended`);
  await dossiers.save(out.dossier, d, { audit: [out.entry] });
}
