import type { z } from 'zod';
import { type ConfigKey, ConfigSchema, Env, LOCAL_FALLBACK_ENDPOINT, LocalEndpointEnv } from './env.ts';

/** The configuration as the code reads it: one typed value per variable of `shared/env.ts`. */
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

interface Parsed {
  readonly values: Partial<Record<ConfigKey, unknown>>;
  /** Required variables that are not set: reading one fails, naming it. */
  readonly missing: ReadonlySet<ConfigKey>;
}

const KEYS = Object.keys(ConfigSchema.shape) as ConfigKey[];

/**
 * Reads every variable of the contract at once. A malformed value fails here, whichever variable the
 * function reads first; a required variable that is not set fails only where it is read (each function
 * gets the variables of its own needs). An empty value is no value.
 */
function parseEnvironment(env: NodeJS.ProcessEnv): Parsed {
  const values: Partial<Record<ConfigKey, unknown>> = {};
  const missing = new Set<ConfigKey>();
  const problems: string[] = [];
  for (const key of KEYS) {
    const raw = env[Env[key]] || undefined;
    const result = ConfigSchema.shape[key].safeParse(raw);
    if (result.success) values[key] = result.data;
    else if (raw === undefined) missing.add(key);
    else problems.push(`${Env[key]}: ${result.error.issues.map((i) => i.message).join(', ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid environment variable(s): ${problems.join('; ')}`);
  if (values.stage === 'local') refuseNonLoopback(env);
  return { values, missing };
}

/**
 * In the local stage every AWS endpoint must point at loopback, so a local run or a test can never reach a
 * real AWS account by accident: each function gets the endpoints of the emulators it uses, and every other
 * service falls back to a loopback address too.
 */
function refuseNonLoopback(env: NodeJS.ProcessEnv): void {
  const refuse = (name: string, url: string | undefined) =>
    new ConfigError(
      `Local stage refuses to run: ${name} must point at a loopback emulator (got ${url || 'nothing'}).`,
    );
  const fallback = env[LOCAL_FALLBACK_ENDPOINT];
  if (!fallback || !LOOPBACK.test(fallback)) throw refuse(LOCAL_FALLBACK_ENDPOINT, fallback);
  for (const name of Object.values(LocalEndpointEnv)) {
    const url = env[name];
    if (url && !LOOPBACK.test(url)) throw refuse(name, url);
  }
}

const parsers = new WeakMap<Config, () => Parsed>();

/**
 * The configuration of `env`, parsed on its first read and then kept (once per process for the runtime's).
 * Reading a required variable that is not set throws a `ConfigError` naming it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  let parsed: Parsed | undefined;
  const parse = () => (parsed ??= parseEnvironment(env));
  const config = {} as Config;
  for (const key of KEYS)
    Object.defineProperty(config, key, {
      enumerable: true,
      get() {
        const { values, missing } = parse();
        if (missing.has(key)) throw new ConfigError(`Missing environment variable ${Env[key]}`);
        return values[key];
      },
    });
  parsers.set(config, parse);
  return Object.freeze(config);
}

/** A variable's value, or undefined where a required one is not set (a function that may go without it). */
export function ifSet<K extends ConfigKey>(config: Config, key: K): Config[K] | undefined {
  const parse = parsers.get(config);
  if (parse?.().missing.has(key)) return undefined;
  return config[key];
}

/** This process's configuration (a Lambda instance's, or a local function thread's): parsed on first read. */
export const config: Config = loadConfig();
