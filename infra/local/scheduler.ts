import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { type JobName, schedules, scheduleTimes } from '../../shared/domain/round-schedule.ts';
import { fromIctLocal } from '../../shared/domain/time.ts';
import type { Invoke } from './lambda-runner.ts';

export interface ScheduledJob {
  readonly job: JobName;
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
    },
  ) {}

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
    }
    return out;
  }

  /** Runs a job through the same `jobs` handler EventBridge Scheduler invokes. */
  async run(job: JobName, roundId?: string): Promise<unknown> {
    const entry = (await this.list()).find((j) => j.job === job && (!roundId || j.roundId === roundId));
    if (!entry) throw new Error(`No scheduled ${job} for round ${roundId ?? '(any)'}`);
    const result = await this.deps.invoke('jobs', { job, roundId: entry.roundId });
    const state = this.state();
    state[this.runKey(entry.roundId, job, entry.at)] = { at: new Date().toISOString(), result };
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
      for (const job of await this.list()) if (job.due && !job.lastRun) await this.run(job.job, job.roundId);
    } catch (err) {
      this.deps.log(`scheduler: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  private runKey(roundId: string, job: JobName, at: string) {
    return `${roundId}|${job}|${at}`;
  }

  private state(): Record<string, { at: string; result: unknown }> {
    if (!existsSync(this.deps.stateFile)) return {};
    return JSON.parse(readFileSync(this.deps.stateFile, 'utf8'));
  }
}
