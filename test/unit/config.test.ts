import { describe, expect, it } from 'vitest';
import { environmentOf } from '../../infra/function-env.ts';
import { type FunctionName, functions } from '../../infra/functions.ts';
import { ConfigError, ifSet, loadConfig } from '../../shared/config.ts';
import { DEFAULT_RATE_LIMITS } from '../../shared/domain/rate-limits.ts';
import { ConfigSchema, Env, LOCAL_FALLBACK_ENDPOINT, PLACEHOLDER_CONTACT } from '../../shared/env.ts';

/** An AWS function's environment (no loopback rule), with these variables. */
const aws = (vars: Record<string, string> = {}) => loadConfig({ STAGE: 'dev', ...vars });

describe('the environment, declared once (offline)', () => {
  it('refuses a required variable that is not set, naming it, where the function reads it', () => {
    const config = aws({ BUCKET_NAME: 'docs' });
    expect(() => config.tableName).toThrow(ConfigError);
    expect(() => config.tableName).toThrow('Missing environment variable TABLE_NAME');
    // An empty value is no value.
    expect(() => aws({ JOBS_FUNCTION_NAME: '' }).jobsFunctionName).toThrow(
      'Missing environment variable JOBS_FUNCTION_NAME',
    );
    // What the function was given reads as ever; a function that may go without one asks with ifSet.
    expect(config.bucketName).toBe('docs');
    expect(ifSet(config, 'tableName')).toBeUndefined();
    expect(ifSet(config, 'bucketName')).toBe('docs');
  });

  it('reads numbers, flags, URLs and JSON, and keeps the defaults of what is optional', () => {
    const config = aws({
      SEND_RATE_PER_SECOND: '14',
      RATE_LIMITS: JSON.stringify({ statusPerIp: { limit: 500, windowSeconds: 60 } }),
      S3_FORCE_PATH_STYLE: 'true',
      PUBLIC_BASE_URL: 'https://kgst.example.vn/',
    });
    expect(config.sendRatePerSecond).toBe(14);
    expect(config.rateLimits).toEqual({
      ...DEFAULT_RATE_LIMITS,
      statusPerIp: { limit: 500, windowSeconds: 60 },
    });
    expect(config.s3ForcePathStyle).toBe(true);
    expect(config.publicBaseUrl).toBe('https://kgst.example.vn');

    const defaults = aws();
    // 0 or unset: no sending limit.
    expect(aws({ SEND_RATE_PER_SECOND: '0' }).sendRatePerSecond).toBeUndefined();
    expect(defaults.sendRatePerSecond).toBeUndefined();
    expect(defaults.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(defaults.s3ForcePathStyle).toBe(false);
    expect(defaults.adminEmail).toBeUndefined();
    expect(defaults.signatoryName).toBe('Nguyễn Thị Ngọc Hòa'.normalize('NFC'));
    // The Centre's contact: the stage's JSON, or the marked placeholder; a malformed one names the variable.
    expect(defaults.centreContact).toEqual(PLACEHOLDER_CONTACT);
    const contact = { ...PLACEHOLDER_CONTACT, phone: '024 3333 4444', email: 'lienhe@kgst.example.vn' };
    expect(aws({ CENTRE_CONTACT: JSON.stringify(contact) }).centreContact).toEqual(contact);
    expect(() => aws({ CENTRE_CONTACT: '{"email":"x"}' }).stage).toThrow(/CENTRE_CONTACT/);
  });

  it('refuses a malformed value, naming the variable, at the first read of any', () => {
    expect(() => aws({ SEND_RATE_PER_SECOND: 'fast' }).stage).toThrow(/SEND_RATE_PER_SECOND/);
    expect(() => aws({ RATE_LIMITS: '{limit: 3' }).stage).toThrow(/RATE_LIMITS: not valid JSON/);
    expect(() => aws({ RATE_LIMITS: '{"statusPerIp":{"limit":-1,"windowSeconds":60}}' }).stage).toThrow(
      /RATE_LIMITS/,
    );
    expect(() => aws({ PUBLIC_BASE_URL: 'kgst' }).stage).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ STAGE: 'staging' }).stage).toThrow(/STAGE/);
  });

  it('locally, refuses any AWS endpoint that is not loopback', () => {
    const local = { STAGE: 'local', [LOCAL_FALLBACK_ENDPOINT]: 'http://127.0.0.1:9' };
    expect(loadConfig(local).stage).toBe('local');
    expect(() => loadConfig({ STAGE: 'local' }).stage).toThrow(/AWS_ENDPOINT_URL must point at a loopback/);
    expect(() => loadConfig({ ...local, AWS_ENDPOINT_URL_S3: 'https://s3.amazonaws.com' }).stage).toThrow(
      /AWS_ENDPOINT_URL_S3/,
    );
  });

  it('every variable of the schema is one the stack or the local runtime sets, and nothing else is set', () => {
    const declared = Object.values(Env);
    const names = (Object.keys(functions) as FunctionName[]).flatMap((fn) => [
      ...environmentOf(fn, 'aws'),
      ...environmentOf(fn, 'local'),
    ]);
    // Set on every Lambda by AppFunction and read by Powertools; the signatory has a default only.
    const elsewhere = [
      Env.powertoolsServiceName,
      Env.powertoolsMetricsNamespace,
      Env.signatoryName,
      Env.signatoryTitle,
    ];
    expect(new Set([...names, ...elsewhere])).toEqual(new Set(declared));
  });

  it('each function, given exactly what the stack sets for it, reads every required variable its needs imply', () => {
    // Which required variable each need gives (AWS), as the composition roots read them.
    const requiredBy: Record<string, (fn: FunctionName) => boolean> = {
      [Env.tableName]: (fn) => 'table' in functions[fn].needs,
      [Env.bucketName]: (fn) => 'bucket' in functions[fn].needs,
      [Env.stateMachineArn]: (fn) => 'workflow' in functions[fn].needs,
      [Env.jobsFunctionName]: (fn) => 'jobs' in functions[fn].needs && fn !== 'jobs',
      [Env.schedulerRoleArn]: (fn) => 'schedules' in functions[fn].needs,
      [Env.schedulerDeadLetterArn]: (fn) => 'schedules' in functions[fn].needs,
      [Env.schedulerTargetArn]: (fn) => 'schedules' in functions[fn].needs && fn !== 'jobs',
    };
    const required = Object.entries(ConfigSchema.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([key]) => Env[key as keyof typeof Env]);
    expect(required.sort()).toEqual(Object.keys(requiredBy).sort());
    for (const fn of Object.keys(functions) as FunctionName[]) {
      const given = environmentOf(fn, 'aws');
      const config = loadConfig(Object.fromEntries(given.map((name) => [name, valueFor(name)])));
      for (const [name, reads] of Object.entries(requiredBy)) {
        const key = (Object.keys(Env) as (keyof typeof Env)[]).find((k) => Env[k] === name)!;
        if (reads(fn)) expect(() => config[key], `${fn} reads ${name}`).not.toThrow();
      }
    }
  });
});

/** A plausible value for a variable of the stack. */
function valueFor(name: string): string {
  switch (name) {
    case Env.stage:
      return 'dev';
    case Env.publicBaseUrl:
      return 'https://kgst.example.vn';
    case Env.sendRatePerSecond:
      return '14';
    case Env.rateLimits:
      return JSON.stringify(DEFAULT_RATE_LIMITS);
    case Env.centreContact:
      return JSON.stringify(PLACEHOLDER_CONTACT);
    case Env.directoryTileUrl:
      return 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    default:
      return `value-of-${name}`;
  }
}
