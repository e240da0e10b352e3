import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Table } from 'dynamodb-toolbox';
import { TABLE_KEYS } from '../keys.ts';

const [gsi1, gsi2] = TABLE_KEYS.indexes;

/**
 * The single table as dynamodb-toolbox sees it: today's key attributes (`pk`/`sk`, `gsi1*`, `gsi2*`), so
 * the items deployed so far read as they are. Bound to the Store's DocumentClient: every request of an
 * entity goes through that one client (and the permission proof's SDK call recorder sees it).
 */
export const tableOf = (documentClient: DynamoDBDocumentClient, name: string) =>
  new Table({
    name,
    documentClient,
    partitionKey: { name: TABLE_KEYS.pk, type: 'string' },
    sortKey: { name: TABLE_KEYS.sk, type: 'string' },
    indexes: {
      [gsi1.name]: {
        type: 'global',
        partitionKey: { name: gsi1.pk, type: 'string' },
        sortKey: { name: gsi1.sk, type: 'string' },
      },
      [gsi2.name]: {
        type: 'global',
        partitionKey: { name: gsi2.pk, type: 'string' },
        sortKey: { name: gsi2.sk, type: 'string' },
      },
    } as const,
  });

export type HcsnTable = ReturnType<typeof tableOf>;

/**
 * Options every entity shares: no `_et` entity marker and no `_ct`/`_md` timestamps, neither written nor
 * expected, so items written before the entities existed (and by no entity) read and match as they are.
 */
export const PLAIN = { entityAttribute: false, timestamps: false } as const;
