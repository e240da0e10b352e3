import { z } from 'zod';
import { isTileTemplate } from './domain/map-tiles.ts';
import { DEFAULT_RATE_LIMITS, RateLimitsSchema, withRateLimits } from './domain/rate-limits.ts';
import { COMMON } from './i18n/messages/common.ts';

/**
 * The environment contract: every environment variable a function reads, declared once with its name and
 * its type. The CDK stack sets them on each Lambda (next to the grant they need, `infra/function-env.ts`),
 * the local runtime sets the same names on the process that runs the handlers, and `shared/config.ts`
 * reads them (the types of `Config` are inferred from the schemas below).
 *
 * A schema that accepts no value is a required variable: a function that reads it without it fails at
 * that read, naming it (at cold start for what a composition root reads). A set but malformed value fails
 * the first read of any variable, naming it too.
 */
const variable = <const N extends string, S extends z.ZodType>(name: N, schema: S) => ({ name, schema });

const text = z.string().min(1);

/** A JSON value read by `schema` (the value of a variable is a string). */
const jsonOf = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((value, ctx): unknown => {
      try {
        return JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** The Centre's contact, shown in every page's footer: its name in both languages, address, phone, email. */
export const CentreContactSchema = z.object({
  name: z.object({ vi: text, en: text }),
  address: text,
  phone: text,
  email: z.email(),
});
export type CentreContact = z.infer<typeof CentreContactSchema>;

/**
 * The seed article names the Centre (Trung tâm Điều phối các hoạt động sáng tạo, founded late 2024) but
 * gives no address or phone: those are marked as not configured, for the stage config to override
 * (`-c centreContact='{"address":…,"phone":…,"email":…}'`).
 */
export const PLACEHOLDER_CONTACT: CentreContact = {
  name: { vi: COMMON.centreName.vi, en: COMMON.centreName.en },
  address: '[chưa cấu hình / not configured: CENTRE_CONTACT.address]',
  phone: '[chưa cấu hình / not configured: CENTRE_CONTACT.phone]',
  email: 'lienhe@kgst.hanoi.local',
};

const VARIABLES = {
  stage: variable('STAGE', z.enum(['local', 'dev', 'prod']).default('local')),
  tableName: variable('TABLE_NAME', text),
  bucketName: variable('BUCKET_NAME', text),
  stateMachineArn: variable('STATE_MACHINE_ARN', text),
  mailFrom: variable(
    'MAIL_FROM',
    z.string().min(3).default('Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>'),
  ),
  sesConfigurationSet: variable('SES_CONFIGURATION_SET', text.optional()),
  /** The site's origin, without a trailing slash (links in emails, the CSRF check, the issuer's JWKS). */
  publicBaseUrl: variable(
    'PUBLIC_BASE_URL',
    z
      .url()
      .default('http://127.0.0.1:3000')
      .transform((url) => url.replace(/\/$/, '')),
  ),
  /**
   * The deployment's first coordinator (`-c adminEmail=`): made a coordinator once, at their first sign-in.
   * Every other person of staff, and every reviewer pool, is data managed on `/admin`.
   */
  adminEmail: variable('ADMIN_EMAIL', text.optional()),
  /** Name and title printed in the certificate's signature block. */
  signatoryName: variable(
    'SIGNATORY_NAME',
    text.default('Nguyễn Thị Ngọc Hòa').transform((s) => s.normalize('NFC')),
  ),
  signatoryTitle: variable(
    'SIGNATORY_TITLE',
    text.default('Giám đốc Trung tâm Điều phối các hoạt động sáng tạo').transform((s) => s.normalize('NFC')),
  ),
  /**
   * The Centre's contact (compact JSON of `CentreContact`) on the functions that render pages: the stage
   * config's `centreContact` in AWS; locally, unset = the placeholder above.
   */
  centreContact: variable('CENTRE_CONTACT', jsonOf(CentreContactSchema).default(PLACEHOLDER_CONTACT)),
  /** Bulk emails per second (the SES account's sending rate); 0 or unset = no limit (undefined). */
  sendRatePerSecond: variable(
    'SEND_RATE_PER_SECOND',
    z.coerce
      .number()
      .min(0)
      .transform((n) => (n > 0 ? n : undefined))
      .optional(),
  ),
  /** AWS: name of the SSM SecureString parameter holding the issuer's Ed25519 key (PKCS#8 PEM). */
  signingKeyParameter: variable('SIGNING_KEY_PARAMETER', text.optional()),
  /** Local only: path of the PEM file `npm start` generates under `.data/keys/`. */
  signingKeyFile: variable('SIGNING_KEY_FILE', text.optional()),
  /**
   * AWS only: prefix of the rounds' EventBridge schedule groups (`<prefix>-<roundId>`, see
   * `scheduleGroupName`): the admin function creates, moves and deletes each round's schedules at run time.
   * Unset locally: the local scheduler reads the times from the rounds themselves.
   */
  scheduleGroupPrefix: variable('SCHEDULE_GROUP_PREFIX', text.optional()),
  /** AWS only: the role EventBridge Scheduler invokes the jobs function with (passed on CreateSchedule). */
  schedulerRoleArn: variable('SCHEDULER_ROLE_ARN', text),
  /**
   * AWS only: the schedules' target (the jobs function's ARN) and their dead-letter queue. Unset on the jobs
   * function, whose follow-up schedules target itself by the ARN it was invoked with.
   */
  schedulerTargetArn: variable('SCHEDULER_TARGET_ARN', text),
  schedulerDeadLetterArn: variable('SCHEDULER_DEAD_LETTER_ARN', text),
  /**
   * The rate limits (compact JSON of `RateLimits`, `shared/domain/rate-limits.ts`): the stage config's
   * `rateLimits` in AWS, `startLocalSystem`'s option locally; unset = the defaults. Counted under `RATE#`.
   */
  rateLimits: variable(
    'RATE_LIMITS',
    jsonOf(RateLimitsSchema.partial())
      .transform((limits) => withRateLimits(limits))
      .default(DEFAULT_RATE_LIMITS),
  ),
  /**
   * The directory's map (issue 16): a Leaflet tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`,
   * `{s}` for a subdomain) and the attribution its provider requires. Unset or empty = no map: the list
   * alone, no Leaflet download and no tile host in the CSP (locally, offline, in CI).
   */
  directoryTileUrl: variable(
    'DIRECTORY_TILE_URL',
    z.string().refine(isTileTemplate, 'an http(s) URL template with {z}, {x} and {y}').optional(),
  ),
  directoryTileAttribution: variable('DIRECTORY_TILE_ATTRIBUTION', z.string().max(300).optional()),
  /** Name of the `jobs` function, to which a request hands bulk emails that would outlast it (async invoke). */
  jobsFunctionName: variable('JOBS_FUNCTION_NAME', text),
  /** Local only: path-style S3 addressing for s3rver. */
  s3ForcePathStyle: variable('S3_FORCE_PATH_STYLE', z.stringbool().default(false)),
  /** Local only: milliseconds added to the wall clock (the jobs page's clock offset). */
  clockOffsetFile: variable('CLOCK_OFFSET_FILE', text.optional()),
  /** Read by Powertools itself (logs, metrics, traces): set on every Lambda by `AppFunction`. */
  powertoolsServiceName: variable('POWERTOOLS_SERVICE_NAME', text.optional()),
  powertoolsMetricsNamespace: variable('POWERTOOLS_METRICS_NAMESPACE', text.optional()),
};

type Variables = typeof VARIABLES;
export type ConfigKey = keyof Variables;

/** Every variable's name, by the key the code reads it under (`Env.tableName` = `'TABLE_NAME'`). */
export const Env = Object.fromEntries(Object.entries(VARIABLES).map(([key, v]) => [key, v.name])) as {
  readonly [K in ConfigKey]: Variables[K]['name'];
};

export type EnvName = (typeof Env)[ConfigKey];

/** The schema of the configuration, by key: what each variable's value reads as. */
export const ConfigSchema = z.object(
  Object.fromEntries(Object.entries(VARIABLES).map(([key, v]) => [key, v.schema])) as {
    [K in ConfigKey]: Variables[K]['schema'];
  },
);

/** Endpoint variables the AWS SDK v3 reads natively; set only by the local runtime. */
export const LocalEndpointEnv = {
  dynamodb: 'AWS_ENDPOINT_URL_DYNAMODB',
  s3: 'AWS_ENDPOINT_URL_S3',
  sesv2: 'AWS_ENDPOINT_URL_SESV2',
  sfn: 'AWS_ENDPOINT_URL_SFN',
  lambda: 'AWS_ENDPOINT_URL_LAMBDA',
} as const;

/**
 * Local only: the SDK's endpoint for every service without its own variable. The local runtime points it
 * at a closed loopback port, so a client a function did not declare fails at once and never reaches AWS.
 */
export const LOCAL_FALLBACK_ENDPOINT = 'AWS_ENDPOINT_URL';
