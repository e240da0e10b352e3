import { any, boolean, Entity, EntityAccessPattern, item, number, prefix, string } from 'dynamodb-toolbox';
import {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityEvent,
  type WeekHours,
} from '../../../domain/activity.ts';
import type { Text } from '../../../i18n/lang.ts';
import { type HcsnTable, PLAIN } from './table.ts';

const monthKey = (month: string) => `ACTIVITIES#${month}`;
const memberKey = (dossierId: string) => `MEMBERACTIVITY#${dossierId}`;
/** The sort key of a member's activity: in time order. */
export const memberActivityKey = (start: string, id: string) => `${start}#${id}`;

/**
 * Venues (`VENUE#<id>`, listed in gsi1 `VENUES`), activities (`ACTIVITY#<id>`, by month in gsi1
 * `ACTIVITIES#<yyyy-MM>`, and under their member `MEMBERACTIVITY#<dossierId>`), the half-hour slots that make
 * a booking exclusive (`VENUESLOT#<venue>#<time>`) and the permit guidance setting (`SETTING#<name>`).
 */
export function activityEntities(table: HcsnTable) {
  const venue = new Entity({
    name: 'venue',
    table,
    schema: item({
      id: string().key(),
      name: any().castAs<Text>(),
      host: any().castAs<Text>(),
      capacity: number(),
      hours: any().castAs<WeekHours>(),
      updatedAt: string(),
      updatedBy: string(),
    }).and((s) => ({
      gsi1pk: string().const('VENUES').hidden(),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ id }) => id),
    })),
    computeKey: ({ id }) => ({ pk: `VENUE#${id}`, sk: 'VENUE' }),
    ...PLAIN,
  });

  const activity = new Entity({
    name: 'activity',
    table,
    schema: item({
      id: string().key(),
      dossierId: string(),
      memberName: string(),
      memberEmail: string(),
      memberSlug: string().optional(),
      venueId: string(),
      venueName: any().castAs<Text>(),
      start: string(),
      end: string(),
      titleVi: string(),
      titleEn: string(),
      description: string(),
      attendance: number(),
      contactName: string(),
      contactPhone: string(),
      needsPermit: boolean(),
      permitObtained: boolean(),
      status: string().enum(...ACTIVITY_STATUSES),
      sequence: number(),
      createdAt: string(),
      updatedAt: string(),
      taskToken: string().optional(),
      decision: any().castAs<Activity['decision']>().optional(),
      history: any().castAs<readonly ActivityEvent[]>(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ start }) => monthKey(start.slice(0, 7))),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ start, id }) => `${start}#${id}`),
    })),
    computeKey: ({ id }) => ({ pk: `ACTIVITY#${id}`, sk: 'ACTIVITY' }),
    ...PLAIN,
  });

  /**
   * A member's activity listed under the member (`MEMBERACTIVITY#<dossierId>` / `<start>#<id>`), written with
   * the booking: a revocation finds the member's activities still to come by key, without an index.
   */
  const memberActivity = new Entity({
    name: 'member-activity',
    table,
    schema: item({
      dossierId: string().key().savedAs('pk').transform(prefix('MEMBERACTIVITY')).hidden(),
      sk: string().key().hidden(),
      activityId: string(),
    }),
    ...PLAIN,
  });

  return {
    venue,
    allVenues: venue
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({ index: 'gsi1', partition: 'VENUES' })),

    activity,
    /** A month's activities (every status), in time order. */
    activitiesOfMonth: activity
      .build(EntityAccessPattern)
      .schema(item({ month: string(), after: string().optional() }))
      .pattern(({ month, after }) => ({
        index: 'gsi1',
        partition: monthKey(month),
        ...(after ? { range: { gt: after } } : {}),
      })),
    memberActivity,
    /** A member's activities starting at or after `from` (their index items, in time order). */
    activitiesOfMember: memberActivity
      .build(EntityAccessPattern)
      .schema(item({ dossierId: string(), from: string() }))
      .pattern(({ dossierId, from }) => ({ partition: memberKey(dossierId), range: { gte: from } })),

    /** One half hour of one venue, held by one activity: its existence is the booking. */
    venueSlot: new Entity({
      name: 'venue-slot',
      table,
      schema: item({
        key: string().key().savedAs('pk').transform(prefix('VENUESLOT')).hidden(),
        sk: string().key().const('SLOT').hidden(),
        activityId: string(),
        /** Epoch seconds: a slot long past is tidied by the table's TTL. */
        expiresAt: number(),
      }),
      ...PLAIN,
    }),

    /** A bilingual text setting a coordinator edits (the permit guidance). */
    textSetting: new Entity({
      name: 'text-setting',
      table,
      schema: item({
        name: string().key().savedAs('pk').transform(prefix('SETTING')),
        sk: string().key().const('SETTING').hidden(),
        vi: string(),
        en: string(),
        updatedAt: string(),
        updatedBy: string(),
      }),
      ...PLAIN,
    }),
  };
}
