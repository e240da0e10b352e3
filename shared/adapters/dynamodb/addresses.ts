import { ConditionFailed, type Store } from './store.ts';

/** Why mail to an address stopped: a permanent bounce or a complaint (SES event publishing). */
export interface AddressMark {
  readonly email: string;
  readonly status: 'bounced' | 'complained';
  readonly at: string;
  readonly reason: string;
}

const addressKey = (email: string) => ({ pk: `ADDRESS#${email.trim().toLowerCase()}`, sk: 'ADDRESS' });

/** The GSI partition that lists every marked address, so a bulk run reads them all in one query. */
const MARKED = 'ADDRESSES#marked';

const skipReason = (m: AddressMark) => `${m.status} at ${m.at}: ${m.reason}`;

/** Addresses bulk senders must skip, one item per lower-case address. */
export class Addresses {
  constructor(private readonly store: Store) {}

  /** Marks an address; a complaint outranks a bounce (an address that complained stays complained). */
  async mark(mark: AddressMark): Promise<void> {
    const key = addressKey(mark.email);
    await this.store
      .update({
        Key: key,
        UpdateExpression:
          'SET email = :email, #status = :status, #at = :at, reason = :reason, gsi1pk = :list, gsi1sk = :email',
        ConditionExpression:
          'attribute_not_exists(#status) OR #status <> :complained OR :status = :complained',
        ExpressionAttributeNames: { '#status': 'status', '#at': 'at' },
        ExpressionAttributeValues: {
          ':email': mark.email.trim().toLowerCase(),
          ':status': mark.status,
          ':at': mark.at,
          ':reason': mark.reason.slice(0, 1000),
          ':complained': 'complained',
          ':list': MARKED,
        },
      })
      .catch((err) => {
        if (!(err instanceof ConditionFailed)) throw err;
      });
  }

  async get(email: string): Promise<AddressMark | undefined> {
    const item = await this.store.get<{ pk: string; sk: string } & AddressMark>(
      addressKey(email).pk,
      addressKey(email).sk,
    );
    return item ? { email: item.email, status: item.status, at: item.at, reason: item.reason } : undefined;
  }

  /**
   * Every marked address (lower case) and why it is skipped: one GSI query (a page per ~thousands of
   * addresses), read once per bulk run instead of one read per recipient. The index is eventually
   * consistent, so an address marked in the last second may still get that run's email.
   */
  async marked(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.queryIndex<{ pk: string; sk: string } & AddressMark>('gsi1', MARKED, {
        start,
      });
      for (const m of page.items) out.set(m.email, skipReason(m));
      start = page.next;
    } while (start);
    return out;
  }
}
