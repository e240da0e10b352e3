import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderToString } from 'preact-render-to-string';
import { JOB_NAMES, type JobName } from '../../shared/domain/round-schedule.ts';
import { formatIct, fromIctLocal } from '../../shared/domain/time.ts';
import { RECONCILE_JOB } from '../../shared/usecases/reconciler.ts';
import { SIGN_OFF_DIGEST_JOB } from '../../shared/usecases/sign-off.ts';
import type { FaultSpec, Faults } from './faults.ts';
import type { LocalScheduler } from './scheduler.ts';

export type LocalPages = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;

interface ExecutionLister {
  readonly stateMachineArn: string;
  listExecutions(): {
    name: string;
    status: string;
    startDate: Date | number | string;
    executionArn: string;
  }[];
  getExecutionHistory(arn: string): unknown[];
}

/** Local-only pages: the jobs page (schedules, run now, clock offset) and the workflow executions. */
export function createLocalPages(deps: {
  scheduler: LocalScheduler;
  mailboxUrl: string;
  sfn: ExecutionLister;
  /** Fault injection: `GET`/`POST`/`DELETE /_local/faults` (JSON), see faults.ts. */
  faults?: Faults;
}): LocalPages {
  return async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname === '/_local/jobs') {
      const jobs = await deps.scheduler.list();
      const offsetHours = deps.scheduler.offsetMs() / 3_600_000;
      const executions = deps.sfn.listExecutions();
      const page = (
        <html lang="vi">
          <head>
            <meta charset="utf-8" />
            <title>Local jobs · Công việc định kỳ</title>
            <link rel="stylesheet" href="/assets/site.css" />
          </head>
          <body>
            <main>
              <h1>Công việc định kỳ (máy cục bộ) · Local jobs</h1>
              <p>
                Giờ hệ thống (đã cộng độ lệch) · System clock (with offset):{' '}
                <strong>{formatIct(deps.scheduler.now())}</strong> ICT — độ lệch/offset {offsetHours} h.{' '}
                <a href={deps.mailboxUrl}>Hộp thư cục bộ · Local mailbox</a>
              </p>
              <table class="card">
                <thead>
                  <tr>
                    <th>Job</th>
                    <th>Giờ chạy (ICT) · Runs at</th>
                    <th>Lần chạy gần nhất · Last run</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {jobs.map((j) => (
                    <tr data-job={`${j.roundId}/${j.job}`} data-at={j.at}>
                      <td>
                        {j.title.vi} · <strong>{j.roundId}</strong>
                        <br />
                        <small>{j.title.en}</small>
                      </td>
                      <td>{formatIct(fromIctLocal(j.at))}</td>
                      <td>
                        {j.lastRun
                          ? `${formatIct(j.lastRun.at)}: ${JSON.stringify(j.lastRun.result)}`
                          : j.due
                            ? 'đến hạn · due'
                            : '—'}
                      </td>
                      <td>
                        <form method="post" action="/_local/jobs/run">
                          <input type="hidden" name="job" value={j.job} />
                          <input type="hidden" name="roundId" value={j.roundId} />
                          {j.attempt ? (
                            <input type="hidden" name="attempt" value={String(j.attempt)} />
                          ) : null}
                          <button type="submit">Chạy ngay · Run now</button>
                        </form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <form method="post" action="/_local/clock" class="card">
                <label>
                  Độ lệch đồng hồ (giờ, có thể âm) · Clock offset (hours, may be negative)
                  <input name="hours" type="number" step="1" value={String(offsetHours)} />
                </label>
                <button type="submit">Đặt · Set</button>
              </form>
              <h2>Quy trình phê duyệt · Workflow executions</h2>
              <ul>
                {executions.map((e) => (
                  <li>
                    <a href={`/_local/executions/${encodeURIComponent(e.name)}`}>{e.name}</a> — {e.status} —{' '}
                    {formatIct(e.startDate)}
                  </li>
                ))}
              </ul>
            </main>
          </body>
        </html>
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html>${renderToString(page)}`);
      return true;
    }
    const execution = /^\/_local\/executions\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && execution) {
      const found = deps.sfn.listExecutions().find((e) => e.name === decodeURIComponent(execution[1]!));
      if (!found) return false;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify(
          { execution: found, events: deps.sfn.getExecutionHistory(found.executionArn) },
          null,
          2,
        ),
      );
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/_local/jobs/run') {
      const form = new URLSearchParams(body.toString('utf8'));
      const job = form.get('job') as JobName;
      if (form.get('job') === RECONCILE_JOB) {
        await deps.scheduler.runReconcile();
        return redirect(res);
      }
      if (form.get('job') === SIGN_OFF_DIGEST_JOB) {
        await deps.scheduler.run(SIGN_OFF_DIGEST_JOB);
        return redirect(res);
      }
      if (!JOB_NAMES.includes(job)) return badRequest(res, 'job');
      // A follow-up row runs that follow-up (its attempt), not the round's base job.
      const attempt = form.get('attempt') ? Number(form.get('attempt')) : undefined;
      if (attempt !== undefined && !(Number.isInteger(attempt) && attempt > 0))
        return badRequest(res, 'attempt');
      await deps.scheduler.run(job, form.get('roundId') ?? undefined, attempt);
      return redirect(res);
    }
    if (url.pathname === '/_local/faults' && deps.faults) return faultsEndpoint(deps.faults, req, res, body);
    if (req.method === 'POST' && url.pathname === '/_local/clock') {
      const hours = Number(new URLSearchParams(body.toString('utf8')).get('hours'));
      if (!Number.isFinite(hours)) return badRequest(res, 'hours');
      deps.scheduler.setOffsetMs(hours * 3_600_000);
      return redirect(res);
    }
    return false;
  };
}

/** `POST` arms one fault (`{ service, action, count, error, status? }`), `DELETE` clears all, `GET` lists. */
function faultsEndpoint(faults: Faults, req: IncomingMessage, res: ServerResponse, body: Buffer): true {
  const reply = (status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(value));
    return true as const;
  };
  if (req.method === 'GET') return reply(200, faults.list());
  if (req.method === 'DELETE') {
    faults.clear();
    return reply(200, []);
  }
  if (req.method !== 'POST') return reply(405, { message: 'GET, POST or DELETE' });
  try {
    return reply(200, faults.arm(JSON.parse(body.toString('utf8')) as FaultSpec));
  } catch (err) {
    return reply(400, { message: (err as Error).message });
  }
}

function redirect(res: ServerResponse): true {
  res.writeHead(303, { location: '/_local/jobs' });
  res.end();
  return true;
}

function badRequest(res: ServerResponse, field: string): true {
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Giá trị không hợp lệ: ${field} · Invalid value: ${field}`);
  return true;
}
