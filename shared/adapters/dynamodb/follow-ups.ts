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
    await this.store.put({
      pk: `FOLLOWUP#${event.roundId}`,
      sk: `${event.job}#${event.attempt ?? 1}`,
      event,
      at: at.toISOString(),
    });
  }

  /** The follow-ups of a round, due or not (a handful at most). */
  async of(roundId: string): Promise<StoredFollowUp[]> {
    const { items } = await this.store.query<{ pk: string; sk: string } & StoredFollowUp>({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `FOLLOWUP#${roundId}` },
      ConsistentRead: true,
    });
    return items.map(({ event, at }) => ({ event, at }));
  }
}
