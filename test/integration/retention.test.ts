import { GetObjectTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_BUCKET, LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { guardKeys } from '../../shared/domain/dossier.ts';
import { NOT_ACCEPTED_TAG, RETENTION } from '../../shared/domain/retention.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import {
  api,
  getDossierItem,
  invoke,
  local,
  readyDraft,
  sdk,
  seedDossier,
  unique,
  waitForEmail,
} from './helpers.ts';

Object.assign(process.env, local().env);

const DAY = 24 * 3600;

/** Every item of the dossier's partition: the dossier and its audit events. */
async function partition(id: string) {
  const out = await sdk().ddb.send(
    new QueryCommand({
      TableName: LOCAL_TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `DOSSIER#${id}` },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** When the dossier entered `status`, from its history (epoch seconds). */
const enteredAt = (item: Record<string, unknown>, status: string) =>
  Math.floor(
    Date.parse((item.history as { to: string; at: string }[]).findLast((h) => h.to === status)!.at) / 1000,
  );

describe('retention: what the privacy notice states is what the table and the bucket do (connected)', () => {
  beforeAll(() => {
    local();
  });

  it('a rejected dossier: its items get expiresAt the stated days after the decision, its files the lifecycle tag', async () => {
    // Prepare: a dossier submitted through the API, with its documents archived
    const tag = unique();
    const draft = await readyDraft(tag);
    const submitted = await api(`/api/applications/${draft.id}/submit`, {
      method: 'POST',
      token: draft.editToken,
    });
    expect(submitted.status).toBe(200);
    const code = submitted.json.code as string;
    await waitForEmail((e) => e.destination.to.includes('reviewer.a@kgst.test') && e.subject.includes(code));
    await vi.waitFor(async () => expect((await getDossierItem(draft.id))?.status).toBe('in_review'), {
      timeout: 15_000,
    });

    // Act: the workflow records the rejection (as NotifyRejected does)
    await invoke('recordOutcome', {
      dossierId: draft.id,
      action: 'rejected',
      detail: { by: 'reviewer.a@kgst.test', at: new Date().toISOString(), comment: 'Chưa đủ điều kiện' },
    });

    // Assess: the dossier and every audit event expire notAcceptedDays after the decision
    const dossier = (await getDossierItem(draft.id))!;
    expect(dossier.status).toBe('rejected');
    const expected = enteredAt(dossier, 'rejected') + RETENTION.notAcceptedDays * DAY;
    expect(dossier.expiresAt).toBe(expected);
    const items = await partition(draft.id);
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) expect(item.expiresAt, String(item.sk)).toBe(expected);
    // …and so do the guards it holds (its email and space name)
    for (const key of guardKeys(String(dossier.roundId), dossier.form as never)) {
      const { Item } = await sdk().ddb.send(
        new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `GUARD#${key}`, sk: 'GUARD' } }),
      );
      expect(Item?.expiresAt, key).toBe(expected);
    }
    // Its archived files carry the tag the bucket's not-accepted lifecycle rule expires
    const s3 = new S3Client({
      endpoint: local().urls.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    });
    const docs = Object.values(dossier.documents as Record<string, { archivedKey?: string }>);
    expect(docs.length).toBe(5);
    for (const doc of docs) {
      const { TagSet } = await s3.send(
        new GetObjectTaggingCommand({ Bucket: LOCAL_BUCKET, Key: doc.archivedKey! }),
      );
      expect(TagSet).toContainEqual({ Key: NOT_ACCEPTED_TAG.key, Value: NOT_ACCEPTED_TAG.value });
    }
    s3.destroy();
  });

  it('the form’s consent label links to the notice, which the site serves in Vietnamese and English', async () => {
    const site = local().urls.site;
    const home = await (await fetch(`${site}/`)).text();
    const label = /<label class="check">[\s\S]*?name="consent"[\s\S]*?<\/label>/.exec(home)?.[0];
    expect(label).toContain('href="/quyen-rieng-tu"');
    const vi = await fetch(`${site}/quyen-rieng-tu`);
    expect(vi.status).toBe(200);
    expect(await vi.text()).toContain(`${RETENTION.notAcceptedDays} ngày sau quyết định`);
    const en = await fetch(`${site}/quyen-rieng-tu?lang=en`);
    expect(await en.text()).toContain(`${RETENTION.notAcceptedDays} days after the decision`);
  });

  it('an expired draft: its items get expiresAt the stated days after the round closed it', async () => {
    // Prepare: a round of its own whose deadline has passed, with a draft
    const today = ictDay(new Date());
    const t = unique();
    const round = {
      ...ROUND_2025,
      id: `it-retention-${t}`,
      codePrefix: `R${t}`,
      opensOn: addDays(today, -30),
      deadlineDate: addDays(today, -1),
      invitationsAt: `${addDays(today, 5)}T09:00`,
      ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today, 20)}T15:00` },
      status: 'open' as const,
    };
    await new Rounds(new Store(makeDocumentClient(), LOCAL_TABLE)).create(round);
    const { d } = await seedDossier(round, 'draft', { prefix: 'it-retention' });

    // Act
    await invoke('jobs', { job: 'close-round', roundId: round.id });

    // Assess
    const dossier = (await getDossierItem(d.id))!;
    expect(dossier.status).toBe('expired');
    const expected = enteredAt(dossier, 'expired') + RETENTION.expiredDraftDays * DAY;
    expect(dossier.expiresAt).toBe(expected);
    const items = await partition(d.id);
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) expect(item.expiresAt, String(item.sk)).toBe(expected);
  });
});
