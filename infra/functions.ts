/**
 * The function catalog: every Lambda, its handler module and what it may touch. Read by the CDK
 * stack (bundling, grants, environment) and by the local runtime (which imports the same modules).
 */
export interface FunctionSpec {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Access this function needs; the stack turns each into a grant plus its environment variable. */
  readonly needs: {
    readonly table?: 'read' | 'readWrite';
    readonly bucket?: 'read' | 'readWrite';
    readonly mail?: boolean;
    /** `start`: StartExecution; `callback`: SendTask*; both for intake (submit starts, a supplement resumes). */
    readonly workflow?: 'start' | 'callback' | 'start+callback';
    /** Reads the issuer's Ed25519 signing key (SSM SecureString in AWS, a PEM file locally). */
    readonly signingKey?: boolean;
    /** Creates, moves and deletes the rounds' EventBridge schedules (a coordinator opening or changing a round). */
    readonly schedules?: boolean;
    /** Knows the deployment's first coordinator (made a coordinator once, at their first sign-in). */
    readonly adminEmail?: boolean;
    /**
     * Starts the `jobs` function asynchronously: bulk emails that would outlast this invocation go on
     * there (the `jobs` function itself continues its own long runs the same way).
     */
    readonly jobs?: boolean;
  };
  /** Files copied next to the bundled handler: `fonts` = the certificate's two TTFs. */
  readonly assets?: 'fonts';
}

export const functions = {
  site: {
    entry: 'functions/site/handler.ts',
    description: 'Public pages: the round, the application form, status lookup',
    memoryMb: 512,
    timeoutSeconds: 10,
    // The bucket signs a fresh certificate download link on /status.
    needs: { table: 'read', bucket: 'read' },
  },
  intake: {
    entry: 'functions/intake/handler.ts',
    description: 'Applicant API: drafts, uploads, submission',
    memoryMb: 1024,
    timeoutSeconds: 15,
    // A resubmitted supplement resumes the waiting execution (found by `npm run check:permissions`).
    needs: { table: 'readWrite', bucket: 'readWrite', mail: true, workflow: 'start+callback' },
  },
  review: {
    entry: 'functions/review/handler.ts',
    description: 'Reviewer pages and decisions through emailed links',
    memoryMb: 512,
    timeoutSeconds: 10,
    needs: { table: 'readWrite', bucket: 'read', workflow: 'callback' },
  },
  checkDossier: {
    entry: 'functions/check-dossier/handler.ts',
    description: 'Workflow: checks every document of a dossier',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: { table: 'readWrite', bucket: 'read' },
  },
  requestReview: {
    entry: 'functions/request-review/handler.ts',
    description: 'Workflow: stores the review task token and emails the reviewers their links',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: { table: 'readWrite', mail: true },
  },
  requestSupplement: {
    entry: 'functions/request-supplement/handler.ts',
    description: 'Workflow: stores the supplement task token and emails the applicant',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: { table: 'readWrite', mail: true },
  },
  issueCertificate: {
    entry: 'functions/issue-certificate/handler.ts',
    description: 'Workflow: issues the one membership certificate of an approved dossier',
    memoryMb: 1024,
    timeoutSeconds: 60,
    needs: { table: 'readWrite', bucket: 'readWrite' },
    assets: 'fonts',
  },
  verify: {
    entry: 'functions/verify/handler.ts',
    description: 'Public certificate verification (page + signed credential), issuer keys, revocation',
    memoryMb: 512,
    timeoutSeconds: 10,
    // readWrite + mail for the coordinator's revocation (and the session it checks).
    needs: { table: 'readWrite', mail: true, signingKey: true },
  },
  recordOutcome: {
    entry: 'functions/record-outcome/handler.ts',
    description: 'Workflow: records an outcome, escalation or failure on the dossier and notifies',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: { table: 'readWrite', bucket: 'read', mail: true },
  },
  admin: {
    entry: 'functions/admin/handler.ts',
    description:
      'Coordinator dashboard: emailed sign-in, counts, list, dossier with audit trail, CSV, check-in, deadline and ceremony changes',
    memoryMb: 512,
    // The API's integration timeout is 30 s: a deadline or ceremony change emails what it can in the
    // request and hands the rest to the jobs function.
    timeoutSeconds: 29,
    needs: {
      table: 'readWrite',
      bucket: 'read',
      mail: true,
      schedules: true,
      jobs: true,
      adminEmail: true,
    },
  },
  jobs: {
    entry: 'functions/jobs/handler.ts',
    description:
      'Scheduled jobs (deadline reminder, closing, ceremony invitations) and bulk emails handed over by the dashboard',
    memoryMb: 512,
    // A run stops claiming recipients a minute before this and goes on in a new invocation.
    timeoutSeconds: 300,
    needs: { table: 'readWrite', mail: true, jobs: true },
  },
  rsvp: {
    entry: 'functions/rsvp/handler.ts',
    description: 'Ceremony RSVP pages through emailed links; accepting sends the check-in pass',
    memoryMb: 512,
    timeoutSeconds: 15,
    needs: { table: 'readWrite', mail: true },
  },
  mailEvents: {
    entry: 'functions/mail-events/handler.ts',
    description:
      'SES bounces and complaints (configuration set → SNS): marks the addresses bulk sending skips',
    memoryMb: 256,
    timeoutSeconds: 30,
    // Subscribed to the Mailer's event topic by the stack; no API route.
    needs: { table: 'readWrite' },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;
