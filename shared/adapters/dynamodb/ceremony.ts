import { GetItemCommand, PutItemCommand, UpdateItemCommand } from 'dynamodb-toolbox';
import { ConditionFailed, type Store } from './store.ts';

/** A member's answer to the invitation, as stored (`RSVP#<round>#<dossier>`, listed per round). */
export interface StoredRsvp {
  readonly roundId: string;
  readonly dossierId: string;
  readonly attending: boolean;
  readonly guests: readonly string[];
  readonly accessibility: string;
  readonly answeredAt: string;
  readonly passId?: string;
}

/** A check-in pass as stored (`PASS#<passId>`). */
export interface StoredPass {
  readonly passId: string;
  readonly roundId: string;
  readonly dossierId: string;
  readonly holder: string;
  readonly spaceName: string;
  readonly checkedInAt?: string;
  readonly checkedInBy?: string;
}

/** The ceremony's stored things: RSVPs, check-in passes, and the mark that a round's invitations went out. */
export class Ceremony {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async rsvp(roundId: string, dossierId: string): Promise<StoredRsvp | undefined> {
    const { Item } = await this.e.rsvp
      .build(GetItemCommand)
      .key({ roundId, dossierId })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /** Records (or replaces) a member's answer. */
  async saveRsvp(rsvp: StoredRsvp): Promise<void> {
    await this.e.rsvp.build(PutItemCommand).item(rsvp).send();
  }

  /** Every answer of a round (the RSVP index), page by page. */
  async *rsvpsOf(roundId: string): AsyncGenerator<StoredRsvp[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.e.rsvpsOfRound
        .query({ roundId })
        .options({ reverse: true, exclusiveStartKey: start })
        .send();
      yield page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async pass(passId: string): Promise<StoredPass | undefined> {
    const { Item } = await this.e.pass
      .build(GetItemCommand)
      .key({ passId })
      .options({ consistent: true })
      .send();
    return Item;
  }

  async savePass(pass: StoredPass): Promise<void> {
    await this.e.pass.build(PutItemCommand).item(pass).send();
  }

  /**
   * Marks a pass scanned, once (a conditional write): the pass as scanned, or `not-first` when it is
   * missing or a scan came first (the caller reads it to tell which, and when).
   */
  async checkIn(passId: string, at: string, by: string): Promise<StoredPass | 'not-first'> {
    try {
      const { Attributes } = await this.store.conditionally(
        this.e.pass
          .build(UpdateItemCommand)
          .item({ passId, checkedInAt: at, checkedInBy: by })
          .options({
            condition: {
              and: [
                { attr: 'passId', exists: true },
                { attr: 'checkedInAt', exists: false },
              ],
            },
            returnValues: 'ALL_NEW',
          }),
      );
      return Attributes as StoredPass;
    } catch (err) {
      if (err instanceof ConditionFailed) return 'not-first';
      throw err;
    }
  }

  /** Marks that the round's invitations went out (the first time only: later runs keep its time). */
  async markInvitationsSent(roundId: string, at: string): Promise<void> {
    await this.store.tryWrite(
      this.e.invitationsSent
        .build(PutItemCommand)
        .item({ roundId, at })
        .options({ condition: { attr: 'roundId', exists: false } }),
    );
  }

  async invitationsSent(roundId: string): Promise<boolean> {
    const { Item } = await this.e.invitationsSent
      .build(GetItemCommand)
      .key({ roundId })
      .options({ consistent: true })
      .send();
    return Item !== undefined;
  }
}
