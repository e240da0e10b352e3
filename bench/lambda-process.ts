/**
 * Runs one function's handler once in a process of its own, as a Lambda instance would, and prints
 * its result, the time it took and the process's memory (the parent passes the local system's env).
 * Usage: node --import tsx bench/lambda-process.ts <function> '<event JSON>'
 */

import type { FunctionName } from '../infra/functions.ts';
import { invoke, loadHandler } from '../infra/local/lambda-runner.ts';

const [name, event] = process.argv.slice(2) as [FunctionName, string];
await loadHandler(name);
const loadedRss = process.memoryUsage().rss;
const t = performance.now();
const result = await invoke(name, JSON.parse(event));
const ms = performance.now() - t;
process.stdout.write(
  `${JSON.stringify({
    result,
    ms,
    loadedRssMb: Math.round(loadedRss / 1024 / 1024),
    // ru_maxrss: the peak resident set of this process, in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
