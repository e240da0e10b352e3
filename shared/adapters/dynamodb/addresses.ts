import { ConditionFailed, type Store } from './store.ts';

/** Why mail to an address stopped: a permanent bounce or a complaint (SES event publishing). */
export interface AddressMark {
  readonly email: string;
  readonly status: 'bounced' | 'complained';
  readonly at: string;
  readonly reason: string;
}

const addressKey = (email: string) => ({ pk: `ADDRESS#${email.trim().toLowerCase()}`, sk: 'ADDRESS' });

/** Addresses bulk senders must skip, one item per lower-case address. */
export class Addresses {
  constructor(private readonly store: Store) {}

  /** Marks an address; a complaint outranks a bounce (an address that complained stays complained). */
  async mark(mark: AddressMark): Promise<void> {
    const key = addressKey(mark.email);
    await this.store
      .update({
        Key: key,
        UpdateExpression: 'SET email = :email, #status = :status, #at = :at, reason = :reason',
        ConditionExpression:
          'attribute_not_exists(#status) OR #status <> :complained OR :status = :complained',
        ExpressionAttributeNames: { '#status': 'status', '#at': 'at' },
        ExpressionAttributeValues: {
          ':email': mark.email.trim().toLowerCase(),
          ':status': mark.status,
          ':at': mark.at,
          ':reason': mark.reason.slice(0, 1000),
          ':complained': 'complained',
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

  /** Why an address is skipped (`bounced: <reason>`), or undefined when mail may go to it. */
  async suppression(email: string): Promise<string | undefined> {
    const mark = await this.get(email);
    return mark ? `${mark.status} at ${mark.at}: ${mark.reason}` : undefined;
  }
}
