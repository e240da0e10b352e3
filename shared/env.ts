/**
 * The environment contract: every environment variable a function reads, named once.
 * The CDK stack sets them on each Lambda (next to the grant they need) and the local
 * runtime sets the same names on the process that runs the handlers.
 */
export const Env = {
  stage: 'STAGE',
  tableName: 'TABLE_NAME',
  bucketName: 'BUCKET_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  mailFrom: 'MAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /**
   * The deployment's first coordinator (`-c adminEmail=`): made a coordinator once, at their first sign-in.
   * Every other person of staff, and every reviewer pool, is data managed on `/admin`.
   */
  adminEmail: 'ADMIN_EMAIL',
  /** Name and title printed in the certificate's signature block. */
  signatoryName: 'SIGNATORY_NAME',
  signatoryTitle: 'SIGNATORY_TITLE',
  /** Bulk emails per second (the SES account's sending rate); 0 = no limit. */
  sendRatePerSecond: 'SEND_RATE_PER_SECOND',
  /** AWS: name of the SSM SecureString parameter holding the issuer's Ed25519 key (PKCS#8 PEM). */
  signingKeyParameter: 'SIGNING_KEY_PARAMETER',
  /** Local only: path of the PEM file `npm start` generates under `.data/keys/`. */
  signingKeyFile: 'SIGNING_KEY_FILE',
  /**
   * AWS only: prefix of the rounds' EventBridge schedule groups (`<prefix>-<roundId>`, see
   * `scheduleGroupName`): the admin function creates, moves and deletes each round's schedules at run time.
   * Unset locally: the local scheduler reads the times from the rounds themselves.
   */
  scheduleGroupPrefix: 'SCHEDULE_GROUP_PREFIX',
  /** AWS only: the role EventBridge Scheduler invokes the jobs function with (passed on CreateSchedule). */
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  /** AWS only: the schedules' target (the jobs function's ARN) and their dead-letter queue. */
  schedulerTargetArn: 'SCHEDULER_TARGET_ARN',
  schedulerDeadLetterArn: 'SCHEDULER_DEAD_LETTER_ARN',
  /**
   * The rate limits (compact JSON of `RateLimits`, `shared/domain/rate-limits.ts`): the stage config's
   * `rateLimits` in AWS, `startLocalSystem`'s option locally. Counted in the table under `RATE#`.
   */
  rateLimits: 'RATE_LIMITS',
  /** Name of the `jobs` function, to which a request hands bulk emails that would outlast it (async invoke). */
  jobsFunctionName: 'JOBS_FUNCTION_NAME',
  /** Local only: path-style S3 addressing for s3rver. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** Local only: milliseconds added to the wall clock (the jobs page's clock offset). */
  clockOffsetFile: 'CLOCK_OFFSET_FILE',
  powertoolsServiceName: 'POWERTOOLS_SERVICE_NAME',
  powertoolsMetricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

export type EnvName = (typeof Env)[keyof typeof Env];

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
