import { parseArgs } from 'node:util';
import { runSmoke } from './smoke.ts';

const USAGE = `Usage: npm run smoke -- --base <URL> [--allow-no-round] [--strict-headers] [--timeout <seconds>]

Checks a deployed stack (or npm start) with GET requests only; exits 1 if a check failed.
  --base <URL>        the API URL (the stack's HttpUrl… output, or http://127.0.0.1:3000)
  --allow-no-round    no open call is expected yet (fresh deploy before the first round)
  --strict-headers    security headers reported as warnings fail the run
  --timeout <s>       per request (default 10)`;

function main(): Promise<number> | number {
  let values: {
    base?: string;
    'allow-no-round'?: boolean;
    'strict-headers'?: boolean;
    timeout?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        base: { type: 'string' },
        'allow-no-round': { type: 'boolean' },
        'strict-headers': { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeout = Number(values.timeout ?? 10);
  if (!values.base || !URL.canParse(values.base) || !/^https?:$/.test(new URL(values.base).protocol)) {
    console.error(`--base must be an http(s) URL${values.base ? `, not ${values.base}` : ''}\n\n${USAGE}`);
    return 2;
  }
  if (!(timeout > 0)) {
    console.error(`--timeout must be a number of seconds, not ${values.timeout}`);
    return 2;
  }
  console.log(`Smoke check of ${values.base} (GET only, ${timeout} s per request)\n`);
  return runSmoke({
    base: values.base,
    allowNoRound: values['allow-no-round'] ?? false,
    strictHeaders: values['strict-headers'] ?? false,
    timeoutMs: timeout * 1000,
    log: (line) => console.log(line),
  }).then((report) => (report.ok ? 0 : 1));
}

Promise.resolve()
  .then(main)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
