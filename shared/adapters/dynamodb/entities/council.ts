import { any, Entity, EntityAccessPattern, item, number, string } from 'dynamodb-toolbox';
import type { Opinion } from '../../../domain/council.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** One review cycle of one dossier: `<dossierId>#<cycle>`. */
export const panelIdOf = (dossierId: string, cycle: number) => `${dossierId}#${cycle}`;

/**
 * A dossier's review council, per review cycle (`COUNCIL#<dossierId>#<cycle>`): the panel item (who sits,
 * the quorum, whether it has decided) and one item per opinion in the same partition, so a member's
 * opinion is written once (a conditional put) and the whole council is one Query. Each member's count of
 * councils in the round (`COUNCIL_LOAD#<roundId>`) balances the next assignments.
 */
export function councilEntities(table: HcsnTable) {
  const panel = new Entity({
    name: 'panel',
    table,
    schema: item({
      panelId: string().key(),
      dossierId: string(),
      roundId: string(),
      cycle: number(),
      members: any().castAs<readonly string[]>(),
      quorum: number(),
      createdAt: string(),
      /** The review task's current token (a reminder brings a new one): the council's decision resumes it. */
      taskToken: string().optional(),
      decidedAt: string().optional(),
      outcome: string().optional(),
    }),
    computeKey: ({ panelId }) => ({ pk: `COUNCIL#${panelId}`, sk: 'PANEL' }),
    ...PLAIN,
  });
  const opinion = new Entity({
    name: 'opinion',
    table,
    schema: item({
      panelId: string().key(),
      by: string().key(),
      at: string(),
      outcome: string().enum('approved', 'supplement', 'rejected'),
      comment: string(),
      scores: any().castAs<Opinion['scores']>().optional(),
    }),
    computeKey: ({ panelId, by }) => ({ pk: `COUNCIL#${panelId}`, sk: `OPINION#${by}` }),
    ...PLAIN,
  });
  const councilLoad = new Entity({
    name: 'councilLoad',
    table,
    schema: item({
      roundId: string().key(),
      member: string().key(),
      panels: number(),
    }),
    computeKey: ({ roundId, member }) => ({ pk: `COUNCIL_LOAD#${roundId}`, sk: `MEMBER#${member}` }),
    ...PLAIN,
  });
  return {
    panel,
    opinion,
    councilLoad,
    opinionsOf: opinion
      .build(EntityAccessPattern)
      .schema(item({ panelId: string() }))
      .pattern(({ panelId }) => ({ partition: `COUNCIL#${panelId}`, range: { beginsWith: 'OPINION#' } })),
    loadOfRound: councilLoad
      .build(EntityAccessPattern)
      .schema(item({ roundId: string() }))
      .pattern(({ roundId }) => ({ partition: `COUNCIL_LOAD#${roundId}` })),
  };
}
