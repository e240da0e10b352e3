import { compose } from '../../shared/composition.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeRoundJobs } from '../../shared/usecases/round-jobs.ts';

const jobs = makeRoundJobs({ rounds: compose.rounds(), dossiers: compose.dossiers(), clock: compose.clock });

export const handler = taskHandler((event: JobEvent) => jobs.run(event));
