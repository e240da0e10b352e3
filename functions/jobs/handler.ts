import { dossiers, rounds } from '../../shared/compose/table.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { clock } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeRoundJobs } from '../../shared/usecases/round-jobs.ts';

const jobs = makeRoundJobs({ rounds: rounds(), dossiers: dossiers(), clock });

export const handler = taskHandler((event: JobEvent) => jobs.run(event));
