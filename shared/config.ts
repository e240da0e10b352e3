import { z } from 'zod';
import { Env, LOCAL_FALLBACK_ENDPOINT, LocalEndpointEnv } from './env.ts';

/** Typed view of the environment contract; parsed once at cold start. */
export const ConfigSchema = z.object({
  [Env.stage]: z.enum(['local', 'dev', 'prod']).default('local'),
  [Env.tableName]: z.string().min(1).optional(),
  [Env.bucketName]: z.string().min(1).optional(),
  [Env.stateMachineArn]: z.string().min(1).optional(),
  [Env.mailFrom]: z.string().min(3).default('Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>'),
  [Env.sesConfigurationSet]: z.string().optional(),
  [Env.publicBaseUrl]: z.string().url().default('http://127.0.0.1:3000'),
  [Env.adminEmail]: z.string().optional(),
  [Env.signatoryName]: z.string().min(1).default('Nguyễn Thị Ngọc Hòa'),
  [Env.sendRatePerSecond]: z.coerce.number().min(0).default(0),
  [Env.signatoryTitle]: z.string().min(1).default('Giám đốc Trung tâm Điều phối các hoạt động sáng tạo'),
  [Env.signingKeyParameter]: z.string().min(1).optional(),
  [Env.signingKeyFile]: z.string().min(1).optional(),
  [Env.scheduleGroupPrefix]: z.string().min(1).optional(),
  [Env.schedulerRoleArn]: z.string().min(1).optional(),
  [Env.schedulerTargetArn]: z.string().min(1).optional(),
  [Env.schedulerDeadLetterArn]: z.string().min(1).optional(),
  [Env.jobsFunctionName]: z.string().min(1).optional(),
  [Env.s3ForcePathStyle]: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  [Env.clockOffsetFile]: z.string().optional(),
  [LocalEndpointEnv.dynamodb]: z.string().optional(),
  [LocalEndpointEnv.s3]: z.string().optional(),
  [LocalEndpointEnv.sesv2]: z.string().optional(),
  [LocalEndpointEnv.sfn]: z.string().optional(),
  [LocalEndpointEnv.lambda]: z.string().optional(),
  [LOCAL_FALLBACK_ENDPOINT]: z.string().optional(),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  readonly stage: 'local' | 'dev' | 'prod';
  readonly tableName?: string;
  readonly bucketName?: string;
  readonly stateMachineArn?: string;
  readonly mailFrom: string;
  readonly sesConfigurationSet?: string;
  readonly publicBaseUrl: string;
  /** The deployment's first coordinator; every other person of staff is data. */
  readonly adminEmail?: string;
  /** Who signs the certificates (printed in the signature block). */
  readonly signatory: { readonly name: string; readonly title: string };
  /** Bulk sending rate (emails per second); undefined = no limit. */
  readonly sendRatePerSecond?: number;
  readonly signingKeyParameter?: string;
  readonly signingKeyFile?: string;
  /** Where the rounds' EventBridge schedules go; undefined locally (the local scheduler reads the rounds). */
  readonly scheduler?: {
    readonly groupPrefix: string;
    readonly roleArn: string;
    readonly targetArn?: string;
    readonly deadLetterArn: string;
  };
  readonly jobsFunctionName?: string;
  readonly s3ForcePathStyle: boolean;
  readonly clockOffsetFile?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

/**
 * Parses the environment. In the local stage every AWS endpoint must point at loopback, so a
 * local run or a test can never reach a real AWS account by accident.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${detail}`);
  }
  const raw = parsed.data;
  if (raw.STAGE === 'local') {
    // Each function gets the endpoints of the emulators it uses; every other service falls back to a
    // loopback address too, so nothing a local run does can reach AWS.
    const refuse = (name: string, url: string | undefined) =>
      new ConfigError(
        `Local stage refuses to run: ${name} must point at a loopback emulator (got ${url ?? 'nothing'}).`,
      );
    const fallback = raw[LOCAL_FALLBACK_ENDPOINT];
    if (!fallback || !LOOPBACK.test(fallback)) throw refuse(LOCAL_FALLBACK_ENDPOINT, fallback);
    for (const name of Object.values(LocalEndpointEnv)) {
      const url = raw[name];
      if (url !== undefined && !LOOPBACK.test(url)) throw refuse(name, url);
    }
  }
  return {
    stage: raw.STAGE,
    tableName: raw.TABLE_NAME,
    bucketName: raw.BUCKET_NAME,
    stateMachineArn: raw.STATE_MACHINE_ARN,
    mailFrom: raw.MAIL_FROM,
    sesConfigurationSet: raw.SES_CONFIGURATION_SET || undefined,
    publicBaseUrl: raw.PUBLIC_BASE_URL.replace(/\/$/, ''),
    adminEmail: raw.ADMIN_EMAIL || undefined,
    sendRatePerSecond: raw.SEND_RATE_PER_SECOND || undefined,
    signatory: { name: raw.SIGNATORY_NAME.normalize('NFC'), title: raw.SIGNATORY_TITLE.normalize('NFC') },
    signingKeyParameter: raw.SIGNING_KEY_PARAMETER,
    signingKeyFile: raw.SIGNING_KEY_FILE,
    scheduler: raw.SCHEDULE_GROUP_PREFIX
      ? {
          groupPrefix: raw.SCHEDULE_GROUP_PREFIX,
          roleArn: required(raw.SCHEDULER_ROLE_ARN, Env.schedulerRoleArn),
          // Unset on the jobs function, whose follow-up schedules target itself by the ARN it was invoked with.
          targetArn: raw.SCHEDULER_TARGET_ARN,
          deadLetterArn: required(raw.SCHEDULER_DEAD_LETTER_ARN, Env.schedulerDeadLetterArn),
        }
      : undefined,
    jobsFunctionName: raw.JOBS_FUNCTION_NAME,
    s3ForcePathStyle: raw.S3_FORCE_PATH_STYLE,
    clockOffsetFile: raw.CLOCK_OFFSET_FILE,
  };
}

/** Returns a required setting or fails fast with the variable's name. */
export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') throw new ConfigError(`Missing environment variable ${name}`);
  return value;
}
