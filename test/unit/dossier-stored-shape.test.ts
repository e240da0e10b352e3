import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Dossier, StoredDocument } from '../../shared/domain/dossier.ts';

// Items are built, never sent: no emulator. Reading them back is proven on the local stack (integration).
const dossiers = new Dossiers(
  new Store(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })), 'hcsn-test'),
);

const doc = (fileId: string, archivedKey?: string): StoredDocument => ({
  fileId,
  slot: 'photos',
  name: 'Ảnh.png',
  type: 'png',
  declaredSize: 10,
  key: `uploads/d1/photos/${fileId}`,
  addedAt: '2026-03-01T01:00:00.000Z',
  ...(archivedKey ? { verifiedSize: 10, archivedKey } : {}),
});

const dossier: Dossier = {
  id: 'd1',
  roundId: 'r2026',
  status: 'submitted',
  form: {} as Dossier['form'],
  documents: {
    f1: doc('f1', 'dossiers/d1/photos/f1'),
    f2: doc('f2'),
    f3: { ...doc('f3'), key: 'elsewhere/f3' },
  },
  history: [
    { at: '2026-03-01T01:00:00.000Z', from: null, to: 'draft', by: 'a@example.org' },
    { at: '2026-03-01T02:00:00.000Z', from: 'draft', to: 'submitted', by: 'a@example.org' },
  ],
  createdAt: '2026-03-01T01:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  editTokenHash: 'h',
  version: 3,
};

describe('a dossier as it is stored (issue 15: fewer bytes in every write of it)', () => {
  const items = dossiers.storedItems(dossier);
  const item = items.find((i) => i.sk === 'DOSSIER')!;

  it('keeps its history only as audit items of its partition, marked as history entries', () => {
    expect(item).not.toHaveProperty('history');
    const audit = items.filter((i) => String(i.sk).startsWith('AUDIT#'));
    expect(audit.map(({ at, from, to, by, inHistory, pk }) => ({ at, from, to, by, inHistory, pk }))).toEqual(
      dossier.history.map((h) => ({ ...h, inHistory: true, pk: 'DOSSIER#d1' })),
    );
  });

  it('leaves out the object keys intake derives from the dossier, slot and file, and keeps any other key', () => {
    const docs = item.documents as Record<string, Record<string, unknown>>;
    expect(docs.f1).not.toHaveProperty('key');
    expect(docs.f1).not.toHaveProperty('archivedKey');
    expect(docs.f1!.archived).toBe(true);
    expect(docs.f2).not.toHaveProperty('key');
    expect(docs.f2).not.toHaveProperty('archived');
    expect(docs.f3!.key).toBe('elsewhere/f3');
  });
});
