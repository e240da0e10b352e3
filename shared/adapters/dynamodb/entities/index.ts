/**
 * Every stored thing, defined once with its keys and indexes (issue 14, item 4): the adapters read and
 * write through these entities, and no use-case sees `pk`, `sk` or an index name.
 *
 * Why dynamodb-toolbox v2 and not ElectroDB (both were tried on the dossier: get, save with the version
 * condition and audit items in one transaction, the per-status index query):
 * - Items stay exactly as they are. With `entityAttribute` and `timestamps` off, toolbox writes nothing of
 *   its own; ElectroDB always writes `__edb_e__`/`__edb_v__` into every item and needs `ignoreOwnership`
 *   on every read of the items written before it.
 * - Today's keys are plain functions of the item (`computeKey`, `link`, `prefix('DOSSIER')`), read where
 *   the attributes are declared; ElectroDB's templates also need `casing: 'none'` on each key, or it
 *   lower-cases them.
 * - Keys never reach the caller: key and index attributes are `hidden()`, so a read returns the domain
 *   object without the hand-written destructuring the adapters had.
 * - Conditions are data (`{ attr: 'version', eq: 3 }`), and a transaction is a list of the same commands
 *   (`PutTransaction`…), whose failures stay the SDK's exceptions that `Store` already maps to
 *   `ConditionFailed`; ElectroDB's transactions report cancellation in their result instead.
 * - Updates of one map entry (`documents.<fileId>`), `$add`, `$remove` and `ReturnValues` read as the
 *   DynamoDB operations they are.
 * ElectroDB reads better for composite templates (`ROUND#${roundId}#STATUS#${status}` in one string) and
 * has `.params()` on everything; toolbox has `.params()` too, which the offline tests use.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { activityEntities } from './activity.ts';
import { ceremonyEntities } from './ceremony.ts';
import { certificateEntities } from './certificate.ts';
import { councilEntities } from './council.ts';
import { dossierEntities } from './dossier.ts';
import { linkEntities } from './links.ts';
import { mailEntities } from './mail.ts';
import { memberEntities } from './member.ts';
import { reviewEntities } from './review.ts';
import { roundEntities } from './round.ts';
import { staffEntities } from './staff.ts';
import { type HcsnTable, tableOf } from './table.ts';

export { sameNameSortKey, sentClaimKey } from './dossier.ts';
export type { HcsnTable } from './table.ts';

/** All entities of one table, bound to one DocumentClient. */
export function defineEntities(table: HcsnTable) {
  return {
    ...roundEntities(table),
    ...dossierEntities(table),
    ...certificateEntities(table),
    ...staffEntities(table),
    ...mailEntities(table),
    ...linkEntities(table),
    ...ceremonyEntities(table),
    ...reviewEntities(table),
    ...councilEntities(table),
    ...activityEntities(table),
    ...memberEntities(table),
  };
}

export type Entities = ReturnType<typeof defineEntities>;

export const entitiesOf = (client: DynamoDBDocumentClient, tableName: string): Entities =>
  defineEntities(tableOf(client, tableName));
