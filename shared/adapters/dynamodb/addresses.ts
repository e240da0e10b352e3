import { GetItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import type { Store } from './store.ts';

/** Why mail to an address stopped: a permanent bounce or a complaint (SES event publishing). */
export interface AddressMark {
  readonly email: string;
  readonly status: 'bounced' | 'complained';
  readonly at: string;
  readonly reason: string;
}

const normalized = (email: string) => email.trim().toLowerCase();

const skipReason = (m: AddressMark) => `${m.status} at ${m.at}: ${m.reason}`;

/** Addresses bulk senders must skip, one item per lower-case address. */
export class Addresses {
  constructor(private readonly store: Store) {}

  /** Marks an address; a complaint outranks a bounce (an address that complained stays complained). */
  async mark(mark: AddressMark): Promise<void> {
    const update = this.store.entities.address.build(UpdateItemCommand).item({
      email: normalized(mark.email),
      status: mark.status,
      at: mark.at,
      reason: mark.reason.slice(0, 1000),
    });
    // A bounce never overwrites a complaint; a complaint overwrites anything.
    await this.store.tryWrite(
      mark.status === 'complained'
        ? update
        : update.options({
            condition: {
              or: [
                { attr: 'status', exists: false },
                { attr: 'status', ne: 'complained' },
              ],
            },
          }),
    );
  }

  async get(email: string): Promise<AddressMark | undefined> {
    const { Item } = await this.store.entities.address
      .build(GetItemCommand)
      .key({ email: normalized(email) })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /**
   * Every marked address (lower case) and why it is skipped: one GSI query (a page per ~thousands of
   * addresses), read once per bulk run instead of one read per recipient. The index is eventually
   * consistent, so an address marked in the last second may still get that run's email.
   */
  async marked(): Promise<Map<string, string>> {
    const { Items = [] } = await this.store.entities.markedAddresses
      .query({})
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return new Map(Items.map((m) => [m.email, skipReason(m)]));
  }
}
