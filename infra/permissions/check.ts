/**
 * `npm run check:permissions`: the offline permission proof. Every AWS SDK request a function made while
 * the integration suite ran with `HCSN_SDK_CALL_LOG` set (see `recorder.ts`) is evaluated against the
 * IAM policies the CDK stack synthesizes for that function. Fails on any denied call, and when there is
 * nothing to check.
 *
 *   node --import tsx infra/permissions/check.ts [<calls dir>]   (default: $HCSN_SDK_CALL_LOG or .data/sdk-calls)
 */
import * as path from 'node:path';
import { DEFAULT_CALL_LOG_DIR, readRecordedCalls, SDK_CALL_LOG_ENV } from './calls.ts';
import { evaluateCalls, formatReport } from './evaluate.ts';
import { readStack, synthesizeTemplate } from './template.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dir = path.resolve(ROOT, process.argv[2] ?? process.env[SDK_CALL_LOG_ENV] ?? DEFAULT_CALL_LOG_DIR);

const calls = readRecordedCalls(dir);
const { template, stackName } = synthesizeTemplate();
const report = await evaluateCalls(calls, readStack(template, stackName));
console.log(formatReport(report));
if (!calls.length) {
  console.error(
    `No recorded SDK calls in ${path.relative(ROOT, dir) || '.'}: run the suite with ${SDK_CALL_LOG_ENV}=<dir> first (npm test does).`,
  );
}
process.exitCode = report.deniedCalls > 0 || report.calls === 0 ? 1 : 0;
