import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { type IndexProjection, TABLE_KEYS } from '../../shared/adapters/dynamodb/keys.ts';

export interface DataTableProps {
  readonly retain: boolean;
}

/** An index of the table, by name (`gsi1`, `gsi2`). */
export type IndexName = (typeof TABLE_KEYS.indexes)[number]['name'];

/**
 * Partition-key values a function may touch: `'DOSSIER#'` (ending in `#`) stands for every key that
 * starts with it, anything else for exactly that key (`'CONFIG'`, the index partition `'ROUNDS'`).
 */
export type KeyPatterns = readonly string[];

/**
 * What a function may do in the table, by partition key (IAM's `dynamodb:LeadingKeys`). A sort key
 * cannot be told apart: every item under an allowed partition key is allowed.
 */
export interface TableAccess {
  /** GetItem, BatchGetItem, Query of the table's partitions. */
  readonly read?: KeyPatterns;
  /** PutItem and UpdateItem (alone or in a transaction). */
  readonly write?: KeyPatterns;
  /** DeleteItem (alone or in a transaction). */
  readonly delete?: KeyPatterns;
  /** Query of an index, by that index's partition-key values (`{ gsi1: ['ROUNDS'] }`). */
  readonly query?: Partial<Record<IndexName, KeyPatterns>>;
}

/**
 * The IAM actions of each kind of table access. Nothing may Scan, and no stream is read. A transaction's
 * ConditionCheck (a council member's opinion checks the council has not decided) is a read.
 */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  delete: ['dynamodb:DeleteItem'],
  query: ['dynamodb:Query'],
} as const;

/** `'DOSSIER#'` → `'DOSSIER#*'`; an exact key stays as it is. */
export const leadingKeyPattern = (key: string): string => (key.endsWith('#') ? `${key}*` : key);

/** The single table: generic keys, two GSIs, TTL on `expiresAt`, PITR always on. */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.pk, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sk, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      timeToLiveAttribute: TABLE_KEYS.ttl,
      globalSecondaryIndexes: TABLE_KEYS.indexes.map((index) => {
        const projection: IndexProjection = index.projection;
        return {
          indexName: index.name,
          partitionKey: { name: index.pk, type: AttributeType.STRING },
          sortKey: { name: index.sk, type: AttributeType.STRING },
          ...(projection.type === 'INCLUDE'
            ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...projection.attributes] }
            : { projectionType: ProjectionType.ALL }),
        };
      }),
    });
  }

  /**
   * Grants one statement per kind of access, each on the table (or one index) and conditioned on the
   * partition keys: `ForAllValues:StringLike` on `dynamodb:LeadingKeys`, which DynamoDB fills with the
   * partition key of each item a request reads or writes (a transaction's items are authorized one by
   * one, each as its own PutItem/UpdateItem/DeleteItem/ConditionCheckItem, DynamoDB's guide says). On an index, the only
   * partition key a Query carries is the index's own (`gsi1pk = :v`): the condition lists those values,
   * and the resource names the one index, which holds even where DynamoDB would supply no key.
   * No `Null` condition: a request that carried no key at all would pass `ForAllValues`, but every action
   * granted here names its keys, and none is Scan.
   */
  grantAccess(grantee: IGrantable, access: TableAccess): void {
    const grant = (actions: readonly string[], resource: string, keys: KeyPatterns | undefined) => {
      if (!keys?.length) return;
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...actions],
          resources: [resource],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...new Set(keys)].map(leadingKeyPattern) },
          },
        }),
      );
    };
    const arn = this.table.tableArn;
    grant(TABLE_ACTIONS.read, arn, access.read);
    grant(TABLE_ACTIONS.write, arn, access.write);
    grant(TABLE_ACTIONS.delete, arn, access.delete);
    for (const [index, keys] of Object.entries(access.query ?? {}))
      grant(TABLE_ACTIONS.query, `${arn}/index/${index}`, keys);
  }
}
