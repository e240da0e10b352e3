import {
  DeleteTransaction,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import { type Activity, type ActivityEvent, slotsOf, type Venue } from '../../domain/activity.ts';
import { fromIctLocal } from '../../domain/time.ts';
import type { Text } from '../../i18n/lang.ts';
import { memberActivityKey } from './entities/activity.ts';
import { ConditionFailed, type Store } from './store.ts';

/** A slot is kept this long after its activity ends, then the table's TTL may delete it. */
const SLOT_KEEP_SECONDS = 30 * 24 * 3600;

/** What the calendar page shows of an activity. */
const CALENDAR_FIELDS = [
  'id',
  'start',
  'end',
  'titleVi',
  'titleEn',
  'venueName',
  'memberName',
  'memberSlug',
  'status',
] as const;
export type CalendarEntry = Pick<Activity, (typeof CALENDAR_FIELDS)[number]>;
/** What the feed says of an activity. */
const FEED_FIELDS = [...CALENDAR_FIELDS, 'sequence', 'updatedAt'] as const;
export type FeedEntry = Pick<Activity, (typeof FEED_FIELDS)[number]>;

/** Why a proposal was not stored: the same proposal exists already, or a slot of the venue is taken. */
export type BookingRefusal = 'exists' | 'taken';

/**
 * Venues, activities and their bookings. A booking is the activity plus one item per half hour of its venue,
 * written in one transaction whose every slot must not exist: of two racing proposals for the same time,
 * one wins and the other is refused, whatever the timing.
 */
export class Activities {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async venues(): Promise<Venue[]> {
    const { Items = [] } = await this.e.allVenues
      .query({})
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.sort((a, b) => a.name.vi.localeCompare(b.name.vi, 'vi'));
  }

  async venue(id: string): Promise<Venue | undefined> {
    const { Item } = await this.e.venue.build(GetItemCommand).key({ id }).send();
    return Item;
  }

  async putVenue(venue: Venue): Promise<void> {
    await this.e.venue.build(PutItemCommand).item(venue).send();
  }

  /** A bilingual text setting, or undefined before a coordinator first saves it. */
  async textSetting(name: string): Promise<(Text & { updatedAt: string; updatedBy: string }) | undefined> {
    const { Item } = await this.e.textSetting.build(GetItemCommand).key({ name }).send();
    return Item && { vi: Item.vi, en: Item.en, updatedAt: Item.updatedAt, updatedBy: Item.updatedBy };
  }

  async putTextSetting(name: string, text: Text, at: string, by: string): Promise<void> {
    await this.e.textSetting
      .build(PutItemCommand)
      .item({ name, vi: text.vi, en: text.en, updatedAt: at, updatedBy: by })
      .send();
  }

  async get(id: string): Promise<Activity | undefined> {
    const { Item } = await this.e.activity
      .build(GetItemCommand)
      .key({ id })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /** Stores a proposal with its venue's slots, all or nothing: `undefined` when booked, else why not. */
  async book(activity: Activity): Promise<BookingRefusal | undefined> {
    const expiresAt = Math.floor(fromIctLocal(activity.end).getTime() / 1000) + SLOT_KEEP_SECONDS;
    try {
      await this.store.transact([
        this.e.activity
          .build(PutTransaction)
          .item(activity)
          .options({ condition: { attr: 'id', exists: false } }),
        this.e.memberActivity.build(PutTransaction).item({
          dossierId: activity.dossierId,
          sk: memberActivityKey(activity.start, activity.id),
          activityId: activity.id,
        }),
        ...slotsOf(activity.start, activity.end).map((slot) =>
          this.e.venueSlot
            .build(PutTransaction)
            .item({ key: `${activity.venueId}#${slot}`, activityId: activity.id, expiresAt })
            .options({ condition: { attr: 'activityId', exists: false } }),
        ),
      ]);
      return undefined;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      if (err.reasons[0] === 'ConditionalCheckFailed') return 'exists';
      return 'taken';
    }
  }

  /**
   * Changes an activity from one of `from` to its new state and frees its slots when `free`: one transaction,
   * so a rejected or cancelled activity gives its time back exactly when its status says so. False when the
   * activity was not in one of `from` (someone else changed it first).
   */
  async change(
    before: Activity,
    after: Activity,
    from: readonly Activity['status'][],
    free: boolean,
  ): Promise<boolean> {
    try {
      await this.store.transact([
        this.e.activity
          .build(PutTransaction)
          .item(after)
          .options({
            condition: { or: from.map((s) => ({ attr: 'status' as const, eq: s })) },
          }),
        ...(free
          ? slotsOf(before.start, before.end).map((slot) =>
              this.e.venueSlot
                .build(DeleteTransaction)
                .key({ key: `${before.venueId}#${slot}` })
                .options({ condition: { attr: 'activityId', eq: before.id } }),
            )
          : []),
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Keeps the waiting workflow task's token on a pending activity. */
  async storeToken(id: string, taskToken: string, at: string): Promise<void> {
    await this.store.conditionally(
      this.e.activity
        .build(UpdateItemCommand)
        .item({ id, taskToken, updatedAt: at })
        .options({ condition: { attr: 'status', eq: 'pending' } }),
    );
  }

  /**
   * Records the Centre's decision on a pending activity once: false when one was recorded first (another
   * coordinator's link, a second POST). The whole item is written (a decision is one value, not a patch).
   */
  async claimDecision(a: Activity, decision: NonNullable<Activity['decision']>): Promise<boolean> {
    return this.store.tryWrite(
      this.e.activity
        .build(PutItemCommand)
        .item({ ...a, decision, updatedAt: decision.at })
        .options({
          condition: {
            and: [
              { attr: 'status', eq: 'pending' },
              { attr: 'decision', exists: false },
            ],
          },
        }),
    );
  }

  /** Withdraws a decision whose delivery to the workflow failed, so it can be made again. */
  async withdrawDecision(a: Activity, at: string): Promise<void> {
    await this.store.tryWrite(
      this.e.activity
        .build(PutItemCommand)
        .item({ ...a, decision: undefined, updatedAt: at })
        .options({ condition: { attr: 'status', eq: 'pending' } }),
    );
  }

  /**
   * Marks the permit as obtained, with its event in the activity's history, once: false when the activity
   * is no longer approved or its permit was marked first (a second coordinator, a second POST).
   */
  async permitObtained(a: Activity, event: ActivityEvent): Promise<boolean> {
    return this.store.tryWrite(
      this.e.activity
        .build(PutItemCommand)
        .item({ ...a, permitObtained: true, updatedAt: event.at, history: [...a.history, event] })
        .options({
          condition: {
            and: [
              { attr: 'status', eq: 'approved' },
              { attr: 'permitObtained', eq: false },
            ],
          },
        }),
    );
  }

  /** A month's approved activities that need a permit (obtained or not), in time order. */
  async needingPermitOfMonth(month: string): Promise<Activity[]> {
    const { Items = [] } = await this.e.activitiesOfMonth
      .query({ month })
      .options({
        maxPages: Number.POSITIVE_INFINITY,
        filters: {
          activity: {
            and: [
              { attr: 'status', eq: 'approved' },
              { attr: 'needsPermit', eq: true },
            ],
          },
        },
      })
      .send();
    return Items;
  }

  /** A month's activities, every status, in time order. */
  async ofMonth(month: string): Promise<Activity[]> {
    const { Items = [] } = await this.e.activitiesOfMonth
      .query({ month })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items;
  }

  /**
   * A page of a month's approved activities in time order, with only what the calendar shows: at most
   * `limit` read, after the cursor `after` (the last one's `<start>#<id>`); `next` when more may follow.
   */
  async approvedOfMonth(
    month: string,
    limit: number,
    after?: string,
  ): Promise<{ items: CalendarEntry[]; next?: string }> {
    const { Items = [], LastEvaluatedKey } = await this.e.activitiesOfMonth
      .query({ month, after })
      .options({
        limit,
        attributes: [...CALENDAR_FIELDS],
        filters: { activity: { attr: 'status', eq: 'approved' } },
      })
      .send();
    const next = LastEvaluatedKey?.gsi1sk;
    return { items: Items as CalendarEntry[], next: typeof next === 'string' ? next : undefined };
  }

  /**
   * The feed's fields of a month's activities (every status; the use-case keeps the approved and the
   * cancelled), without their descriptions and histories: a year of them is read in a few requests.
   */
  async feedOfMonth(month: string): Promise<FeedEntry[]> {
    const { Items = [] } = await this.e.activitiesOfMonth
      .query({ month })
      .options({ maxPages: Number.POSITIVE_INFINITY, attributes: [...FEED_FIELDS] })
      .send();
    return Items as FeedEntry[];
  }

  /** A member's activities starting at or after `from` (yyyy-MM-ddTHH:mm, Hanoi time). */
  async ofMember(dossierId: string, from: string): Promise<Activity[]> {
    const { Items = [] } = await this.e.activitiesOfMember
      .query({ dossierId, from })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    const found = await this.store.getMany(
      this.e.activity,
      Items.map((i) => ({ id: i.activityId })),
    );
    return found.sort((a, b) => a.start.localeCompare(b.start));
  }
}
