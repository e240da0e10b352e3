import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { STATUS_SHARDS, statusShardOf } from '../../shared/adapters/dynamodb/keys.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { sdk, unique } from './helpers.ts';

/** A dossier that entered `status` at `at`, as far as the per-status index is concerned. */
function dossierAt(roundId: string, i: number, status: DossierStatus, at: string): Dossier {
  return {
    id: `${roundId}-${i}`,
    roundId,
    status,
    form: { space: { nameVi: `Không gian ${i}` }, representative: { email: `p${i}@example.vn` } },
    documents: {},
    history: [{ at, from: null, to: status, by: 'seed' }],
    createdAt: at,
    updatedAt: at,
    editTokenHash: 'x',
    version: 1,
  } as unknown as Dossier;
}

describe('the per-status index, sharded (connected: DynamoDB Local, a round of its own)', () => {
  it('lists a status newest first across its shards, page by page, and counts it', async () => {
    const store = new Store(sdk().ddb, LOCAL_TABLE);
    const dossiers = new Dossiers(store);
    const roundId = `SHARDS${unique()}`;
    const seeded = Array.from({ length: 37 }, (_, i) =>
      dossierAt(roundId, i, 'submitted', new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()),
    );
    await Promise.all(
      seeded
        .flatMap((d) => dossiers.storedItems(d))
        .map((Item) => store.client.send(new PutCommand({ TableName: LOCAL_TABLE, Item }))),
    );
    // The round's dossiers are spread over the shards, not one partition.
    expect(new Set(seeded.map((d) => statusShardOf(d.id))).size).toBeGreaterThan(STATUS_SHARDS / 2);

    const listed: string[] = [];
    let next: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await dossiers.listByStatus(roundId, 'submitted', 5, next);
      expect(page.items.length).toBeLessThanOrEqual(5);
      listed.push(...page.items.map((d) => d.id));
      next = page.next;
      pages++;
    } while (next && pages < 20);
    // Exactly the order one partition sorted by entry time gives: newest first, each dossier once.
    expect(listed).toEqual(seeded.map((d) => d.id).reverse());
    // 8 pages of up to 5, and one more at most: a shard whose last query filled its limit says so.
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(9);
    expect(await dossiers.countByStatus(roundId, 'submitted')).toBe(37);
    expect((await dossiers.listByStatus(roundId, 'in_review')).items).toEqual([]);
  });

  it('moves a dossier to its new status when a save changes it, and only then', async () => {
    const store = new Store(sdk().ddb, LOCAL_TABLE);
    const dossiers = new Dossiers(store);
    const roundId = `MOVE${unique()}`;
    const at = '2026-01-01T00:00:00.000Z';
    const draft = dossierAt(roundId, 0, 'draft', at);
    await dossiers.create(draft, []);
    expect((await dossiers.listByStatus(roundId, 'draft')).items.map((d) => d.id)).toEqual([draft.id]);

    // An autosave: still a draft, listed where it was.
    const saved = { ...draft, updatedAt: '2026-01-01T01:00:00.000Z' };
    await dossiers.save(saved, draft);
    const stored = (await dossiers.get(draft.id))!;
    expect(stored.version).toBe(2);
    expect((await dossiers.listByStatus(roundId, 'draft')).items.map((d) => d.version)).toEqual([2]);

    const entry = {
      at: '2026-01-02T00:00:00.000Z',
      from: 'draft',
      to: 'submitted',
      by: 'p0@example.vn',
    } as const;
    await dossiers.save({ ...stored, status: 'submitted', history: [...stored.history, entry] }, stored, {
      audit: [entry],
    });
    expect((await dossiers.listByStatus(roundId, 'draft')).items).toEqual([]);
    expect((await dossiers.listByStatus(roundId, 'submitted')).items.map((d) => d.id)).toEqual([draft.id]);
    expect(await dossiers.countByStatus(roundId, 'draft')).toBe(0);
    expect(await dossiers.countByStatus(roundId, 'submitted')).toBe(1);
  });
});
