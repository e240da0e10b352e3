import { GetItemCommand, PutItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import { hashSecret } from '../../domain/secrets.ts';
import { isLive, type Store } from './store.ts';

/** A coordinator's session as stored. */
export interface StoredSession {
  readonly email: string;
  readonly createdAt: string;
  /** Epoch seconds; also the table's TTL attribute. */
  readonly expiresAt: number;
}

/**
 * Coordinators' sessions, keyed by the hash of the session id only: a leaked table export cannot be
 * replayed as a cookie. Callers hold the id; the hash never leaves this adapter.
 */
export class Sessions {
  constructor(private readonly store: Store) {}

  private get session() {
    return this.store.entities.session;
  }

  /** Opens a session under a fresh id: `taken` if that id exists already (never, for a random id). */
  async open(id: string, session: StoredSession): Promise<'opened' | 'taken'> {
    const written = await this.store.tryWrite(
      this.session
        .build(PutItemCommand)
        .item({ idHash: hashSecret(id), ...session })
        .options({ condition: { attr: 'idHash', exists: false } }),
    );
    return written ? 'opened' : 'taken';
  }

  /** The live session of an id; an expired one counts as absent (the emulators never delete TTL items). */
  async live(id: string, now: Date): Promise<StoredSession | undefined> {
    const { Item } = await this.session
      .build(GetItemCommand)
      .key({ idHash: hashSecret(id) })
      .options({ consistent: true })
      .send();
    return isLive(Item, now) ? Item : undefined;
  }

  /** Ends a session at once (expired now; TTL removes it later). Nothing to end is not an error. */
  async end(id: string): Promise<void> {
    await this.store.tryWrite(
      this.session
        .build(UpdateItemCommand)
        .item({ idHash: hashSecret(id), expiresAt: 0 })
        .options({ condition: { attr: 'idHash', exists: true } }),
    );
  }
}
