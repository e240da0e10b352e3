import {
  $add,
  ConditionCheck,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { Opinion } from '../../domain/council.ts';
import type { ReviewOutcome } from '../../domain/workflow-contract.ts';
import { panelIdOf } from './entities/council.ts';
import { ConditionFailed, type EntityTransaction, type Store } from './store.ts';

/** A dossier's council in one review cycle, with the opinions given so far. */
export interface Panel {
  readonly dossierId: string;
  readonly roundId: string;
  readonly cycle: number;
  readonly members: readonly string[];
  readonly quorum: number;
  readonly createdAt: string;
  readonly taskToken?: string;
  readonly decidedAt?: string;
  readonly outcome?: string;
  readonly opinions: readonly Opinion[];
}

/** Review councils: who sits on which dossier's council, their opinions, and each member's load. */
export class Councils {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async get(dossierId: string, cycle: number): Promise<Panel | undefined> {
    const panelId = panelIdOf(dossierId, cycle);
    const [{ Item }, { Items = [] }] = await Promise.all([
      this.e.panel.build(GetItemCommand).key({ panelId }).options({ consistent: true }).send(),
      this.e.opinionsOf.query({ panelId }).options({ consistent: true }).send(),
    ]);
    if (!Item) return undefined;
    const { panelId: _id, ...panel } = Item;
    const opinions = Items.map(({ panelId: _p, ...o }) => o as Opinion).sort((a, b) =>
      a.at.localeCompare(b.at),
    );
    return { ...panel, opinions };
  }

  /** Seats a council once per dossier and cycle: `exists` when it was seated already (a retried step). */
  async create(panel: Omit<Panel, 'opinions'>): Promise<'created' | 'exists'> {
    const written = await this.store.tryWrite(
      this.e.panel
        .build(PutItemCommand)
        .item({ ...panel, panelId: panelIdOf(panel.dossierId, panel.cycle) })
        .options({ condition: { attr: 'panelId', exists: false } }),
    );
    return written ? 'created' : 'exists';
  }

  /** The review task now waiting for this council (each reminder's attempt has its own token). */
  async setTaskToken(dossierId: string, cycle: number, taskToken: string): Promise<void> {
    await this.e.panel
      .build(UpdateItemCommand)
      .item({ panelId: panelIdOf(dossierId, cycle), taskToken })
      .send();
  }

  /** How many councils each member of the round's pool has sat on. */
  async load(roundId: string): Promise<Record<string, number>> {
    const { Items = [] } = await this.e.loadOfRound
      .query({ roundId })
      .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Object.fromEntries(Items.map((i) => [i.member, i.panels]));
  }

  async addLoad(roundId: string, members: readonly string[]): Promise<void> {
    await Promise.all(
      members.map((member) =>
        this.e.councilLoad
          .build(UpdateItemCommand)
          .item({ roundId, member, panels: $add(1) })
          .send(),
      ),
    );
  }

  /**
   * Records a member's opinion, once, while the council has not decided, with its audit event in the same
   * transaction: `given` (recorded), `already` (this member gave one), `closed` (the council has decided).
   */
  async addOpinion(
    dossierId: string,
    cycle: number,
    opinion: Opinion,
    audit: readonly EntityTransaction[],
  ): Promise<'given' | 'already' | 'closed'> {
    const panelId = panelIdOf(dossierId, cycle);
    try {
      await this.store.transact([
        this.e.panel
          .build(ConditionCheck)
          .key({ panelId })
          .condition({
            and: [
              { attr: 'panelId', exists: true },
              { attr: 'decidedAt', exists: false },
            ],
          }),
        this.e.opinion
          .build(PutTransaction)
          .item({ ...opinion, panelId })
          .options({ condition: { attr: 'by', exists: false } }),
        ...audit,
      ]);
      return 'given';
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      const panel = await this.get(dossierId, cycle);
      if (panel?.opinions.some((o) => o.by === opinion.by)) return 'already';
      if (panel?.decidedAt) return 'closed';
      throw err;
    }
  }

  /** Marks the council decided, once: false when another request marked it first. */
  async decide(dossierId: string, cycle: number, outcome: ReviewOutcome, at: string): Promise<boolean> {
    return this.store.tryWrite(
      this.e.panel
        .build(UpdateItemCommand)
        .item({ panelId: panelIdOf(dossierId, cycle), decidedAt: at, outcome })
        .options({
          condition: {
            and: [
              { attr: 'panelId', exists: true },
              { attr: 'decidedAt', exists: false },
            ],
          },
        }),
    );
  }
}
