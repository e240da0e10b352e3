import { any, boolean, Entity, EntityAccessPattern, item, prefix, string } from 'dynamodb-toolbox';
import { type HcsnTable, PLAIN } from './table.ts';

/** The ceremony: RSVPs (listed per round in gsi1), check-in passes, and the mark that invitations went out. */
export function ceremonyEntities(table: HcsnTable) {
  const rsvp = new Entity({
    name: 'rsvp',
    table,
    schema: item({
      roundId: string().key(),
      dossierId: string().key(),
      attending: boolean(),
      guests: any().castAs<readonly string[]>(),
      accessibility: string(),
      answeredAt: string(),
      passId: string().optional(),
    }).and((s) => ({
      gsi1pk: string()
        .hidden()
        .link<typeof s>(({ roundId }) => `RSVPS#${roundId}`),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ dossierId }) => dossierId),
    })),
    computeKey: ({ roundId, dossierId }) => ({ pk: `RSVP#${roundId}#${dossierId}`, sk: 'RSVP' }),
    ...PLAIN,
  });
  return {
    rsvp,
    rsvpsOfRound: rsvp
      .build(EntityAccessPattern)
      .schema(item({ roundId: string() }))
      .pattern(({ roundId }) => ({ index: 'gsi1', partition: `RSVPS#${roundId}` })),

    pass: new Entity({
      name: 'pass',
      table,
      schema: item({
        passId: string().key(),
        roundId: string(),
        dossierId: string(),
        holder: string(),
        spaceName: string(),
        checkedInAt: string().optional(),
        checkedInBy: string().optional(),
      }),
      computeKey: ({ passId }) => ({ pk: `PASS#${passId}`, sk: 'PASS' }),
      ...PLAIN,
    }),

    /** That a round's invitations went out: members approved later are invited on approval. */
    invitationsSent: new Entity({
      name: 'invitations-sent',
      table,
      schema: item({
        roundId: string().key().savedAs('pk').transform(prefix('INVITATIONS')).hidden(),
        sk: string().key().const('INVITATIONS').hidden(),
        at: string(),
      }),
      ...PLAIN,
    }),
  };
}
