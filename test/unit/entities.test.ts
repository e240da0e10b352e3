import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  $add,
  $remove,
  $set,
  DeleteTransaction,
  EntityFormatter,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../shared/adapters/dynamodb/entities/index.ts';
import { auditSortKey, STATUS_SHARDS, statusShardOf } from '../../shared/adapters/dynamodb/keys.ts';
import { type Dossier, guardKeys, sameNameKey } from '../../shared/domain/dossier.ts';
import { rateBucketOf } from '../../shared/domain/rate-limits.ts';
import type { Round } from '../../shared/domain/round.ts';

// Requests are built, never sent: no emulator. The client is only there to be bound.
const e = entitiesOf(
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })),
  'hcsn-test',
);

const dossier: Dossier = {
  id: 'd1',
  roundId: 'r2026',
  status: 'submitted',
  code: 'KGST-2026-0007',
  form: {} as Dossier['form'],
  documents: {},
  history: [{ at: '2026-03-01T02:00:00.000Z', from: 'draft', to: 'submitted', by: 'a@example.org' }],
  createdAt: '2026-03-01T01:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  editTokenHash: 'h',
  version: 3,
};
/** Attributes a library could add of its own (toolbox's entity and timestamps, ElectroDB's owner marks). */
const MARKERS = ['_et', '_ct', '_md', '__edb_e__', '__edb_v__'];
const keysOf = (item: object | undefined) => Object.keys(item ?? {});

describe('the dossier entity keeps today’s keys', () => {
  it('reads DOSSIER#<id> / DOSSIER, strongly consistent', () => {
    expect(
      e.dossier.build(GetItemCommand).key({ id: 'd1' }).options({ consistent: true }).params(),
    ).toMatchObject({
      TableName: 'hcsn-test',
      Key: { pk: 'DOSSIER#d1', sk: 'DOSSIER' },
      ConsistentRead: true,
    });
  });

  it('saves with the version condition, its code index keys, and nothing of its own', () => {
    const put = e.dossier
      .build(PutTransaction)
      .item({ ...dossier, version: 4 })
      .options({ condition: { attr: 'version', eq: 3 } })
      .params();
    expect(put.Put.Item).toMatchObject({
      pk: 'DOSSIER#d1',
      sk: 'DOSSIER',
      gsi2pk: 'CODE#KGST-2026-0007',
      gsi2sk: 'DOSSIER',
      version: 4,
    });
    // Not in the per-status index: its status entry is (issue 15), so a save copies nothing into gsi1.
    expect(put.Put.Item).not.toHaveProperty('gsi1pk');
    expect(keysOf(put.Put.Item).filter((k) => MARKERS.includes(k))).toEqual([]);
    expect(put.Put.ConditionExpression).toBe('#c_1 = :c_1');
    expect(put.Put.ExpressionAttributeNames).toEqual({ '#c_1': 'version' });
    expect(put.Put.ExpressionAttributeValues).toEqual({ ':c_1': 3 });
  });

  it('puts a draft (no code yet) outside the code index', () => {
    const { Item } = e.dossier
      .build(PutItemCommand)
      .item({ ...dossier, status: 'draft', code: undefined })
      .params();
    expect(Item).not.toHaveProperty('gsi2pk');
  });

  it('lists a dossier by status through its small status entry, in the shard its id picks', () => {
    const { Item } = e.statusEntry
      .build(PutItemCommand)
      .item({ dossierId: 'd1', roundId: 'r2026', status: 'draft', since: '2026-03-01T01:00:00.000Z' })
      .params();
    const shard = statusShardOf('d1');
    expect(Item).toEqual({
      pk: 'DOSSIER#d1',
      sk: 'STATUS',
      roundId: 'r2026',
      status: 'draft',
      since: '2026-03-01T01:00:00.000Z',
      gsi1pk: `ROUND#r2026#STATUS#draft#${shard}`,
      gsi1sk: '2026-03-01T01:00:00.000Z#d1',
    });
    expect(shard).toBeGreaterThanOrEqual(0);
    expect(shard).toBeLessThan(STATUS_SHARDS);
    // Ids spread over every shard.
    const used = new Set(Array.from({ length: 500 }, (_, i) => statusShardOf(`dossier-${i}`)));
    expect(used.size).toBe(STATUS_SHARDS);
  });

  it('adds one document without rewriting the others, only while the dossier is editable', () => {
    const params = e.dossier
      .build(UpdateItemCommand)
      .item({
        id: 'd1',
        documents: { f9: $set({ fileId: 'f9', name: 'a.pdf' }) as never },
        updatedAt: 'now',
        version: $add(1),
      })
      .options({ condition: { attr: 'status', in: ['draft', 'supplement_requested'] } })
      .params();
    expect(params.Key).toEqual({ pk: 'DOSSIER#d1', sk: 'DOSSIER' });
    // The one entry, set whole: `documents.f9 = :doc`, not a path per field of the document.
    expect(params.UpdateExpression).toMatch(/#s_\d+\.#s_\d+ = :s_\d+/);
    expect(params.UpdateExpression).not.toMatch(/#s_\d+\.#s_\d+\.#s_\d+/);
    expect(Object.values(params.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['documents', 'f9', 'version', 'status']),
    );
    expect(params.UpdateExpression).toMatch(/ADD #a_1 :a_1/);
    expect(params.ConditionExpression).toMatch(/IN \(/);
    const removal = e.dossier
      .build(UpdateItemCommand)
      .item({ id: 'd1', documents: { f9: $remove() } })
      .params();
    expect(removal.UpdateExpression).toMatch(/REMOVE #r_1\.#r_2$/);
  });

  it('puts a dossier in the code index when its code is assigned', () => {
    const params = e.dossier.build(UpdateItemCommand).item({ id: 'd1', code: 'KGST-2026-0008' }).params();
    expect(Object.values(params.ExpressionAttributeValues ?? {})).toEqual(
      expect.arrayContaining(['KGST-2026-0008', 'CODE#KGST-2026-0008', 'DOSSIER']),
    );
    const other = e.dossier.build(UpdateItemCommand).item({ id: 'd1', receiptSentAt: 'now' }).params();
    expect(Object.values(other.ExpressionAttributeNames ?? {})).not.toContain('gsi2pk');
  });

  it('lists one shard of a round’s dossiers of one status on gsi1, newest first, and counts them there', () => {
    const page = e.dossiersByStatus
      .query({ roundId: 'r2026', status: 'approved', shard: 3 })
      .options({ reverse: true, limit: 50 })
      .params();
    expect(page).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false, Limit: 50 });
    expect(Object.values(page.ExpressionAttributeNames ?? {})).toEqual(['gsi1pk']);
    expect(Object.values(page.ExpressionAttributeValues ?? {})).toEqual(['ROUND#r2026#STATUS#approved#3']);
    const count = e.dossiersByStatus
      .query({ roundId: 'r2026', status: 'approved', shard: 0 })
      .options({ select: 'COUNT' })
      .params();
    expect(count).toMatchObject({ IndexName: 'gsi1', Select: 'COUNT' });
  });

  it('reads an item stored before the entities existed as the domain’s dossier, keys and history removed', () => {
    const stored = {
      ...dossier,
      pk: 'DOSSIER#d1',
      sk: 'DOSSIER',
      gsi1pk: 'ROUND#r2026#STATUS#submitted',
      gsi1sk: '2026-03-01T02:00:00.000Z#d1',
      gsi2pk: 'CODE#KGST-2026-0007',
      gsi2sk: 'DOSSIER',
    };
    // The history is the dossier's audit items (issue 15): a `history` left on an old item is not read.
    const { history: _entries, ...item } = dossier;
    expect(e.dossier.build(EntityFormatter).format(stored)).toEqual(item);
  });

  it('moves a guard only if this dossier holds it (or nobody does)', () => {
    const params = e.guard
      .build(DeleteTransaction)
      .key({ key: 'r2026#REG#0101' })
      .options({
        condition: {
          or: [
            { attr: 'key', exists: false },
            { attr: 'dossierId', eq: 'd1' },
          ],
        },
      })
      .params();
    expect(params.Delete).toMatchObject({
      Key: { pk: 'GUARD#r2026#REG#0101', sk: 'GUARD' },
      ConditionExpression: '(attribute_not_exists(#c_1)) OR (#c_2 = :c_1)',
      ExpressionAttributeNames: { '#c_1': 'pk', '#c_2': 'dossierId' },
    });
  });
});

describe('audit events', () => {
  it('are put in the dossier’s partition under a time-ordered, unique ULID sort key', () => {
    const entry = dossier.history[0]!;
    const put = (i: number) =>
      e.audit
        .build(PutTransaction)
        .item({ ...entry, dossierId: 'd1', sk: auditSortKey(entry.at, String(i)) })
        .params().Put.Item ?? {};
    const [first, second] = [put(0), put(1)];
    expect(first).toMatchObject({ pk: 'DOSSIER#d1', at: entry.at, to: 'submitted' });
    expect(keysOf(first).filter((k) => MARKERS.includes(k))).toEqual([]);
    expect(first.sk).toMatch(/^AUDIT#2026-03-01T02:00:00\.000Z#0#[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(String(first.sk) < String(second.sk)).toBe(true);
  });

  it('of a dossier are listed by prefix in its partition, oldest first', () => {
    const q = e.auditOf.query({ dossierId: 'd1' }).options({ consistent: true }).params();
    expect(q.KeyConditionExpression).toMatch(/begins_with/);
    expect(Object.values(q.ExpressionAttributeValues ?? {})).toEqual(['DOSSIER#d1', 'AUDIT#']);
    expect(q.ScanIndexForward).toBeUndefined();
  });

  it('of a round use the same time-ordered, unique key, after the ones stored before as `AUDIT#<at>#<action>`', () => {
    const put = () =>
      e.roundAudit
        .build(PutTransaction)
        .item({
          roundId: 'r2026',
          sk: auditSortKey('t', 'extend-deadline'),
          at: 't',
          action: 'extend-deadline',
          by: 'c@x',
          from: 'a',
          to: 'b',
        })
        .params().Put.Item ?? {};
    const [first, second] = [put(), put()];
    expect(first).toMatchObject({ pk: 'ROUND#r2026', at: 't', action: 'extend-deadline' });
    expect(first.sk).toMatch(/^AUDIT#t#extend-deadline#[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(String(first.sk) < String(second.sk)).toBe(true);
    expect('AUDIT#t#extend-deadline' < String(first.sk)).toBe(true);
  });
});

describe('each stored thing is read by the key it always had', () => {
  const KEYS: [keyof typeof e, Record<string, string>, string, string][] = [
    ['currentRound', {}, 'CONFIG', 'CURRENT_ROUND'],
    ['certificate', { id: 'c1' }, 'CERTIFICATE#c1', 'CERTIFICATE'],
    ['certificatePointer', { dossierId: 'd1' }, 'DOSSIER#d1', 'CERTIFICATE'],
    ['sentClaim', { key: 'invitation#r2026#d1' }, 'SENT#invitation#r2026#d1', 'SENT'],
    ['idempotency', { key: 'k' }, 'IDEM#k', 'IDEM'],
    ['bootstrap', {}, 'CONFIG', 'BOOTSTRAP'],
    ['pass', { passId: 'p' }, 'PASS#p', 'PASS'],
    ['session', { idHash: 'h' }, 'SESSION#h', 'SESSION'],
    ['invitationsSent', { roundId: 'r' }, 'INVITATIONS#r', 'INVITATIONS'],
    ['link', { linkId: 'l' }, 'LINK#l', 'LINK'],
    ['linkSalt', { key: 'invitation#r' }, 'LINKSALT#invitation#r', 'LINKSALT'],
  ];
  it.each(KEYS)('%s', (name, key, pk, sk) => {
    // One row per entity: the key attributes it reads by, and the stored pk/sk they make.
    const entity = e[name] as unknown as {
      build: (command: typeof GetItemCommand) => { key: (k: object) => { params: () => { Key?: unknown } } };
    };
    expect(entity.build(GetItemCommand).key(key).params().Key).toEqual({ pk, sk });
  });
});

describe('the other entities keep their keys', () => {
  it('a round: ROUND#<id> / ROUND, listed on gsi1 ROUNDS by opening date', () => {
    const round = { id: 'r2026', opensOn: '2026-02-01' } as Round;
    const { Item } = e.round.build(PutItemCommand).item({ id: round.id, round }).params();
    expect(Item).toEqual({ pk: 'ROUND#r2026', sk: 'ROUND', gsi1pk: 'ROUNDS', gsi1sk: '2026-02-01', round });
  });

  it('status counts move by ADD on ROUND#<id> / COUNTS', () => {
    const params = e.roundCounts
      .build(UpdateItemCommand)
      .item({ roundId: 'r2026', submitted: $add(1), draft: $add(-1) })
      .params();
    expect(params.Key).toEqual({ pk: 'ROUND#r2026', sk: 'COUNTS' });
    expect(params.UpdateExpression).toMatch(/^ADD /);
  });

  it('a certificate, its dossier’s pointer, a counter, a guard, a send claim', () => {
    expect(
      e.counter
        .build(UpdateItemCommand)
        .item({ name: 'CERTIFICATE#2026', value: $add(1) })
        .params().Key,
    ).toEqual({
      pk: 'COUNTER#CERTIFICATE#2026',
      sk: 'COUNTER',
    });
  });

  it('staff on gsi1 STAFF, their audit and the bootstrap mark', () => {
    const member = {
      email: 'c@x.vn',
      name: 'C',
      roles: ['coordinator'] as const,
      addedAt: 't',
      addedBy: 'b',
    };
    expect(e.staff.build(PutItemCommand).item(member).params().Item).toEqual({
      pk: 'STAFF#c@x.vn',
      sk: 'STAFF',
      gsi1pk: 'STAFF',
      gsi1sk: 'c@x.vn',
      ...member,
    });
    const audit = e.staffAudit
      .build(PutItemCommand)
      .item({ at: 't', by: 'b', action: 'add-staff', email: 'c@x.vn', roles: ['reviewer'] })
      .params();
    expect(audit.Item).toMatchObject({ pk: 'STAFFAUDIT', sk: 'AUDIT#t#c@x.vn' });
  });

  it('a marked address is written whole by its update, and listed on gsi1', () => {
    const params = e.address
      .build(UpdateItemCommand)
      .item({ email: 'a@x.vn', status: 'bounced', at: 't', reason: 'r' })
      .params();
    expect(params.Key).toEqual({ pk: 'ADDRESS#a@x.vn', sk: 'ADDRESS' });
    expect(Object.values(params.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['email', 'status', 'gsi1pk', 'gsi1sk']),
    );
    expect(Object.values(params.ExpressionAttributeValues ?? {})).toEqual(
      expect.arrayContaining(['a@x.vn', 'ADDRESSES#marked']),
    );
  });

  it('RSVP, pass, session, decision, invitations and link keys stay as they were', () => {
    const rsvp = e.rsvp
      .build(PutItemCommand)
      .item({ roundId: 'r', dossierId: 'd', attending: true, guests: [], accessibility: '', answeredAt: 't' })
      .params().Item;
    expect(rsvp).toMatchObject({ pk: 'RSVP#r#d', sk: 'RSVP', gsi1pk: 'RSVPS#r', gsi1sk: 'd' });
    const decision = e.decision
      .build(PutItemCommand)
      .item({
        tokenHash: 'h',
        by: 'b',
        at: 't',
        outcome: 'approve',
        dossierId: 'd',
        gsi1pk: 'DECISIONS#pending',
      })
      .params().Item;
    expect(decision).toMatchObject({
      pk: 'DECISION#h',
      sk: 'DECISION',
      gsi1pk: 'DECISIONS#pending',
      gsi1sk: 't#DECISION#h',
    });
    expect(e.pendingDecisions.query({}).params().IndexName).toBe('gsi1');
  });

  it('a rate counter and a follow-up run', () => {
    expect(
      e.rateCounter
        .build(UpdateItemCommand)
        .item({ bucket: rateBucketOf('signin-mail', 'a@x.vn'), window: '1', hits: $add(1) })
        .params().Key,
    ).toEqual({ pk: `RATE#${rateBucketOf('signin-mail', 'a@x.vn')}`, sk: 'W#1' });
    expect(
      e.followUp
        .build(PutItemCommand)
        .item({ roundId: 'r', run: 'close#2', event: { roundId: 'r', job: 'close' } as never, at: 't' })
        .params().Item,
    ).toMatchObject({ pk: 'FOLLOWUP#r', sk: 'close#2' });
  });

  it('a guard and a same-name listing: the domain gives the matching rule, the entity the stored key', () => {
    const [space] = guardKeys('r2026', {
      space: { nameVi: 'Xưởng Gốm' },
      representative: { email: 'Lan@x.vn' },
    } as Dossier['form']);
    expect(e.guard.build(GetItemCommand).key({ key: space! }).params().Key).toEqual({
      pk: 'GUARD#r2026#SPACE#lan@x.vn#xuong gom',
      sk: 'GUARD',
    });
    const stored = { pk: 'GUARD#r2026#SPACE#lan@x.vn#xuong gom', sk: 'GUARD', dossierId: 'd1' };
    expect(e.guard.build(EntityFormatter).format(stored)).toEqual({ key: space, dossierId: 'd1' });
    const q = e.sameNameOf.query({ roundId: 'r2026', nameKey: sameNameKey('Xưởng Gốm') }).params();
    expect(Object.values(q.ExpressionAttributeValues ?? {})).toEqual(['ROUND#r2026', 'NAME#xuong gom#']);
  });
});

describe('the ceremony, sessions, decisions and links', () => {
  it('an RSVP is put whole in the round’s RSVP list, and the round’s answers are read from it', () => {
    const answer = {
      roundId: 'r',
      dossierId: 'd',
      attending: true,
      guests: ['G'],
      accessibility: '',
      answeredAt: 't',
    };
    expect(e.rsvp.build(PutItemCommand).item(answer).params().Item).toEqual({
      pk: 'RSVP#r#d',
      sk: 'RSVP',
      gsi1pk: 'RSVPS#r',
      gsi1sk: 'd',
      ...answer,
    });
    const q = e.rsvpsOfRound.query({ roundId: 'r' }).params();
    expect(q.IndexName).toBe('gsi1');
    expect(Object.values(q.ExpressionAttributeValues ?? {})).toEqual(['RSVPS#r']);
    const stored = { pk: 'RSVP#r#d', sk: 'RSVP', gsi1pk: 'RSVPS#r', gsi1sk: 'd', ...answer };
    expect(e.rsvp.build(EntityFormatter).format(stored)).toEqual(answer);
  });

  it('a pass is scanned once: only if it exists and nobody scanned it, answering the pass as scanned', () => {
    const params = e.pass
      .build(UpdateItemCommand)
      .item({ passId: 'p', checkedInAt: 't', checkedInBy: 'c@x' })
      .options({
        condition: {
          and: [
            { attr: 'passId', exists: true },
            { attr: 'checkedInAt', exists: false },
          ],
        },
        returnValues: 'ALL_NEW',
      })
      .params();
    expect(params.Key).toEqual({ pk: 'PASS#p', sk: 'PASS' });
    expect(params.ConditionExpression).toBe('(attribute_exists(#c_1)) AND (attribute_not_exists(#c_2))');
    expect(Object.values(params.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['passId', 'checkedInAt', 'checkedInBy']),
    );
    expect(params.ReturnValues).toBe('ALL_NEW');
  });

  it('the invitations mark is put once per round', () => {
    const put = e.invitationsSent
      .build(PutItemCommand)
      .item({ roundId: 'r', at: 't' })
      .options({ condition: { attr: 'roundId', exists: false } })
      .params();
    expect(put.Item).toEqual({ pk: 'INVITATIONS#r', sk: 'INVITATIONS', at: 't' });
    expect(put.ConditionExpression).toBe('attribute_not_exists(#c_1)');
    expect(put.ExpressionAttributeNames).toEqual({ '#c_1': 'pk' });
  });

  it('a session is keyed by the hash of its id, opened once, and read without its key', () => {
    const put = e.session
      .build(PutItemCommand)
      .item({ idHash: 'h', email: 'c@x', createdAt: 't', expiresAt: 9 })
      .options({ condition: { attr: 'idHash', exists: false } })
      .params();
    expect(put.Item).toEqual({ pk: 'SESSION#h', sk: 'SESSION', email: 'c@x', createdAt: 't', expiresAt: 9 });
    expect(put.ExpressionAttributeNames).toEqual({ '#c_1': 'pk' });
    expect(
      e.session
        .build(EntityFormatter)
        .format({ pk: 'SESSION#h', sk: 'SESSION', email: 'c@x', createdAt: 't', expiresAt: 9 }),
    ).toEqual({ email: 'c@x', createdAt: 't', expiresAt: 9 });
  });

  it('a decision is recorded once in the pending list; delivering it takes it off the list', () => {
    const put = e.decision
      .build(PutItemCommand)
      .item({ tokenHash: 'h', by: 'b', at: 't', outcome: 'approve', dossierId: 'd', leaseUntil: 5 })
      .options({ condition: { attr: 'tokenHash', exists: false } })
      .params();
    expect(put.Item).toEqual({
      pk: 'DECISION#h',
      sk: 'DECISION',
      gsi1pk: 'DECISIONS#pending',
      gsi1sk: 't#DECISION#h',
      by: 'b',
      at: 't',
      outcome: 'approve',
      dossierId: 'd',
      leaseUntil: 5,
    });
    expect(put.ExpressionAttributeNames).toEqual({ '#c_1': 'pk' });
    const delivered = e.decision
      .build(UpdateItemCommand)
      .item({
        tokenHash: 'h',
        deliveredAt: 'u',
        gsi1pk: $remove(),
        gsi1sk: $remove(),
        taskToken: $remove(),
        leaseUntil: $remove(),
      })
      .params();
    expect(delivered.Key).toEqual({ pk: 'DECISION#h', sk: 'DECISION' });
    expect(delivered.UpdateExpression).toMatch(/REMOVE/);
    expect(Object.values(delivered.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['deliveredAt', 'gsi1pk', 'gsi1sk', 'taskToken', 'leaseUntil']),
    );
    const q = e.pendingDecisions.query({}).options({ reverse: true, limit: 10 }).params();
    expect(q).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false, Limit: 10 });
    expect(Object.values(q.ExpressionAttributeValues ?? {})).toEqual(['DECISIONS#pending']);
  });

  it('a link is stored only under a free id, used once, and a bulk claim is taken over only from its run', () => {
    const link = {
      linkId: 'l',
      secretHash: 'h',
      purpose: 'rsvp',
      dossierId: 'd',
      person: 'p@x',
      expiresAt: 9,
      createdAt: 't',
    } as const;
    const put = e.link
      .build(PutItemCommand)
      .item(link)
      .options({ condition: { attr: 'linkId', exists: false } })
      .params();
    expect(put.Item).toEqual({ pk: 'LINK#l', sk: 'LINK', ...link });
    expect(put.ExpressionAttributeNames).toEqual({ '#c_1': 'linkId' });
    const used = e.link
      .build(UpdateItemCommand)
      .item({ linkId: 'l', usedAt: 'u', usedBy: 'p@x', outcome: 'ok' })
      .options({
        condition: {
          and: [
            { attr: 'linkId', exists: true },
            { attr: 'usedAt', exists: false },
          ],
        },
      })
      .params();
    expect(used.ConditionExpression).toBe('(attribute_exists(#c_1)) AND (attribute_not_exists(#c_2))');
    const takeOver = e.link
      .build(PutTransaction)
      .item({ ...link, bulkRun: 'run#0', claimedAt: 't', sequence: 1 })
      .options({ condition: { attr: 'bulkRun', eq: 'run#0' } })
      .params();
    expect(takeOver.Put.ConditionExpression).toBe('#c_1 = :c_1');
    expect(takeOver.Put.Item).toMatchObject({ pk: 'LINK#l', bulkRun: 'run#0', sequence: 1 });
    expect(
      e.bulkChunk.build(PutItemCommand).item({ bulkRun: 'run#0', at: 't', expiresAt: 9 }).params().Item,
    ).toEqual({ pk: 'BULKCHUNK#run#0', sk: 'BULKCHUNK', at: 't', expiresAt: 9 });
  });
});
