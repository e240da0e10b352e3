import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { StoredFollowUps } from '../../shared/adapters/dynamodb/follow-ups.ts';
import type { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import {
  followUpScheduleName,
  type JobEvent,
  type JobName,
  schedules,
  scheduleTimes,
} from '../../shared/domain/round-schedule.ts';
import { fromIctLocal, ictDay, toIctLocal } from '../../shared/domain/time.ts';
import { Env } from '../../shared/env.ts';
import { RECONCILE_EVERY_MINUTES, RECONCILE_JOB } from '../../shared/usecases/reconciler.ts';
import { SIGN_OFF_DIGEST_HOUR, SIGN_OFF_DIGEST_JOB } from '../../shared/usecases/sign-off.ts';
import type { Invoke } from './lambda-runner.ts';

export interface ScheduledJob {
  readonly job: JobName | JobEvent['job'] | typeof RECONCILE_JOB | typeof SIGN_OFF_DIGEST_JOB;
  /** A follow-up run (claims in doubt), scheduled by a run of the jobs function: its number. */
  readonly attempt?: number;
  readonly title: { vi: string; en: string };
  readonly roundId: string;
  /** Hanoi wall-clock time, as EventBridge Scheduler gets it. */
  readonly at: string;
  readonly due: boolean;
  readonly lastRun?: { at: string; result: unknown };
}

/**
 * The local stand-in for EventBridge Scheduler: the same schedule list and times, a timer, a clock
 * offset (so a person can play the deadline) and "run now".
 */
export class LocalScheduler {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly deps: {
      rounds: Rounds;
      /** The local system's Lambda service (the jobs function). */
      invoke: Invoke;
      clockFile: string;
      stateFile: string;
      log: (line: string) => void;
      /** The follow-up runs the jobs function asked for; by default read from the local table. */
      followUps?: Pick<StoredFollowUps, 'of'>;
      /**
       * List and run the stack's recurring schedules, the reconciler and the Director's daily digest (the
       * local system does; a test of round jobs alone need not).
       */
      reconcile?: boolean;
    },
  ) {}

  private followUpsStore?: Pick<StoredFollowUps, 'of'>;
  private followUps(): Pick<StoredFollowUps, 'of'> {
    // The local runtime has set the table's name and endpoint in this process by the time it lists.
    this.followUpsStore ??=
      this.deps.followUps ??
      new StoredFollowUps(new Store(makeDocumentClient(), process.env[Env.tableName] ?? 'hcsn-local'));
    return this.followUpsStore;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs());
  }

  offsetMs(): number {
    try {
      return Number(JSON.parse(readFileSync(this.deps.clockFile, 'utf8')).offsetMs) || 0;
    } catch {
      return 0;
    }
  }

  setOffsetMs(offsetMs: number): void {
    writeFileSync(this.deps.clockFile, JSON.stringify({ offsetMs }));
  }

  /**
   * The schedules EventBridge would hold: every job of each open round, and the invitations of closed ones
   * (a closed round's reminder and closing are done, or were cancelled when it was closed early). Drafts
   * have none. Times come from the round items each time, so a changed round moves its jobs at once.
   */
  async list(): Promise<ScheduledJob[]> {
    const state = this.state();
    const now = this.now();
    const out: ScheduledJob[] = [];
    for (const round of await this.deps.rounds.list()) {
      if (round.status === 'draft') continue;
      const times = scheduleTimes(round);
      for (const s of schedules) {
        if (round.status === 'closed' && s.job !== 'send-invitations') continue;
        out.push({
          job: s.job,
          title: s.title,
          roundId: round.id,
          at: times[s.job],
          due: fromIctLocal(times[s.job]).getTime() <= now.getTime(),
          lastRun: state[this.runKey(round.id, s.job, times[s.job])],
        });
      }
      // Follow-up runs (one-time schedules in AWS), whatever the round's status.
      for (const f of await this.followUps().of(round.id)) {
        const at = toIctLocal(new Date(f.at));
        out.push({
          job: f.event.job,
          attempt: f.event.attempt,
          title: {
            vi: `Chạy lại (lần ${f.event.attempt ?? 1}): gửi nốt email còn nghi vấn`,
            en: `Follow-up ${f.event.attempt ?? 1}: send the emails in doubt`,
          },
          roundId: round.id,
          at,
          due: new Date(f.at).getTime() <= now.getTime(),
          lastRun: state[this.runKey(round.id, followUpScheduleName(f.event), at)],
        });
      }
    }
    if (this.deps.reconcile) out.push(this.reconcileSlot(state, now), this.digestSlot(state, now));
    return out;
  }

  /** The recurring reconciler (a `rate(15 minutes)` schedule in AWS): once per 15 minutes of the clock. */
  private reconcileSlot(state: Record<string, { at: string; result: unknown }>, now: Date): ScheduledJob {
    const every = RECONCILE_EVERY_MINUTES * 60_000;
    const at = toIctLocal(new Date(Math.floor(now.getTime() / every) * every));
    return {
      job: RECONCILE_JOB,
      title: {
        vi: `Rà soát hồ sơ bị kẹt (mỗi ${RECONCILE_EVERY_MINUTES} phút)`,
        en: `Repair stranded dossiers (every ${RECONCILE_EVERY_MINUTES} minutes)`,
      },
      roundId: '',
      at,
      due: true,
      lastRun: state[this.runKey('', RECONCILE_JOB, at)],
    };
  }

  /** The Director's digest (`SIGN_OFF_DIGEST_CRON` in AWS): once a day, from its hour in Hanoi time. */
  private digestSlot(state: Record<string, { at: string; result: unknown }>, now: Date): ScheduledJob {
    const hour = String(SIGN_OFF_DIGEST_HOUR).padStart(2, '0');
    const today = fromIctLocal(`${ictDay(now)}T${hour}:00`);
    const at = toIctLocal(today.getTime() <= now.getTime() ? today : new Date(today.getTime() - 86_400_000));
    return {
      job: SIGN_OFF_DIGEST_JOB,
      title: {
        vi: `Gửi Giám đốc danh sách hồ sơ chờ phê duyệt (${hour}:00 hằng ngày)`,
        en: `Email the Director the dossiers awaiting sign-off (daily at ${hour}:00)`,
      },
      roundId: '',
      at,
      due: true,
      lastRun: state[this.runKey('', SIGN_OFF_DIGEST_JOB, at)],
    };
  }

  /** Runs a job through the same `jobs` handler EventBridge Scheduler invokes (a follow-up with `attempt`). */
  async run(job: ScheduledJob['job'], roundId?: string, attempt?: number): Promise<unknown> {
    if (job === RECONCILE_JOB) return this.runReconcile();
    if (job === SIGN_OFF_DIGEST_JOB) return this.runSlot(this.digestSlot(this.state(), this.now()));
    const entry = (await this.list()).find(
      (j) => j.job === job && (!roundId || j.roundId === roundId) && j.attempt === attempt,
    );
    if (!entry) throw new Error(`No scheduled ${job} for round ${roundId ?? '(any)'}`);
    const event: JobEvent = { job, roundId: entry.roundId, ...(attempt ? { attempt } : {}) };
    const result = await this.deps.invoke('jobs', event);
    const state = this.state();
    const name = attempt ? followUpScheduleName(event) : job;
    state[this.runKey(entry.roundId, name, entry.at)] = { at: new Date().toISOString(), result };
    writeFileSync(this.deps.stateFile, JSON.stringify(state, null, 1));
    this.deps.log(`job ${job} ran: ${JSON.stringify(result)}`);
    return result;
  }

  start(intervalMs = 5000): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.runDue();
    } catch (err) {
      this.deps.log(`scheduler: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Runs the reconciler now through the jobs function, and records it in this 15-minute slot. */
  async runReconcile(): Promise<unknown> {
    const slot = this.reconcileSlot(this.state(), this.now());
    const result = await this.deps.invoke('jobs', { job: RECONCILE_JOB });
    const state = this.state();
    state[this.runKey('', RECONCILE_JOB, slot.at)] = { at: new Date().toISOString(), result };
    writeFileSync(this.deps.stateFile, JSON.stringify(state, null, 1));
    this.deps.log(`job ${RECONCILE_JOB} ran: ${JSON.stringify(result)}`);
    return result;
  }

  /** Runs a recurring job of the stack (not a round's) through the jobs function, recorded in its slot. */
  private async runSlot(slot: ScheduledJob): Promise<unknown> {
    const result = await this.deps.invoke('jobs', { job: slot.job });
    const state = this.state();
    state[this.runKey('', slot.job, slot.at)] = { at: new Date().toISOString(), result };
    writeFileSync(this.deps.stateFile, JSON.stringify(state, null, 1));
    this.deps.log(`job ${slot.job} ran: ${JSON.stringify(result)}`);
    return result;
  }

  /** Runs every due job that has not run at its time (what the timer does every few seconds). */
  async runDue(): Promise<void> {
    for (const job of await this.list())
      if (job.due && !job.lastRun) await this.run(job.job, job.roundId, job.attempt);
  }

  private runKey(roundId: string, job: string, at: string) {
    return `${roundId}|${job}|${at}`;
  }

  private state(): Record<string, { at: string; result: unknown }> {
    if (!existsSync(this.deps.stateFile)) return {};
    return JSON.parse(readFileSync(this.deps.stateFile, 'utf8'));
  }
}
