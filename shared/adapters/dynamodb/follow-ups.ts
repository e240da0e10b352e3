import { PutItemCommand } from 'dynamodb-toolbox';
import type { JobEvent } from '../../domain/round-schedule.ts';
import type { Store } from './store.ts';

/** A follow-up run as the local scheduler keeps it: the event and when (ISO) it is due. */
export interface StoredFollowUp {
  readonly event: JobEvent;
  readonly at: string;
}

/**
 * The local stand-in for a follow-up's one-time EventBridge schedule: an item per round, job and attempt
 * (`FOLLOWUP#<roundId>` / `<job>#<attempt>`), which the local scheduler lists next to the round's own
 * schedules and runs when due. Kept in the table so it survives a restart, as a schedule would.
 */
export class StoredFollowUps {
  constructor(private readonly store: Store) {}

  async followUp(event: JobEvent, at: Date): Promise<void> {
    await this.store.entities.followUp
      .build(PutItemCommand)
      .item({
        roundId: event.roundId,
        run: `${event.job}#${event.attempt ?? 1}`,
        event,
        at: at.toISOString(),
      })
      .send();
  }

  /** The follow-ups of a round, due or not (a handful at most). */
  async of(roundId: string): Promise<StoredFollowUp[]> {
    const { Items = [] } = await this.store.entities.followUpsOf
      .query({ roundId })
      .options({ consistent: true })
      .send();
    return Items.map(({ event, at }) => ({ event, at }));
  }
}
