import type { TableAccess } from './constructs/data-table.ts';
import type { BucketAccess } from './constructs/document-bucket.ts';

/**
 * The function catalog: every Lambda, its handler module and what it may touch. Read by the CDK
 * stack (bundling, grants, environment) and by the local runtime (which imports the same modules).
 *
 * `table` and `bucket` are least privilege as data: the partition keys a function may read, write or
 * delete (`'DOSSIER#'` = every key starting with it, `'CONFIG'` = that key), the index partitions it may
 * query, and the object prefixes it may read or write. The stack turns each list into one IAM statement
 * (`dynamodb:LeadingKeys` condition, `<bucket>/<prefix>*` resources). A call outside them is denied in AWS,
 * and by `npm run check:permissions` first, which names the function, the action and the key.
 */
export interface FunctionSpec {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** Access this function needs; the stack turns each into a grant plus its environment variable. */
  readonly needs: {
    readonly table?: TableAccess;
    readonly bucket?: BucketAccess;
    readonly mail?: boolean;
    /** `start`: StartExecution; `callback`: SendTask*; both for intake (submit starts, a supplement resumes). */
    readonly workflow?: 'start' | 'callback' | 'start+callback' | 'start+callback+read';
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
    /**
     * Applies the rate limits (`RATE_LIMITS`): reads and writes the counters, items whose `pk` begins with
     * `RATE#` (one conditional UpdateItem per hit).
     */
    readonly rateLimits?: boolean;
    /** Renders HTML pages: their footer shows the Centre's contact (`CENTRE_CONTACT`). */
    readonly pages?: boolean;
    /** Sends ceremony invitations without rendering pages: the Centre's contact is their organizer. */
    readonly contact?: boolean;
    /** Shows the directory's map: the tile URL template and its attribution (empty = no map). */
    readonly map?: boolean;
  };
  /** Files copied next to the bundled handler: `fonts` = the certificate's two TTFs. */
  readonly assets?: 'fonts';
}

/** A coordinator's sign-in: their session, their staff item, the first coordinator's bootstrap marker. */
const COORDINATOR_SIGN_IN = ['SESSION#', 'STAFF#', 'CONFIG'] as const;

export const functions = {
  site: {
    entry: 'functions/site/handler.ts',
    description: 'Public pages: the round, the application form, status lookup',
    memoryMb: 512,
    timeoutSeconds: 10,
    // The bucket signs a fresh certificate download link on /status.
    // The rate limits: `/status` lookups per client IP.
    needs: {
      table: {
        // The current round; a status lookup by code (gsi2), the dossier and its certificate.
        read: ['CONFIG', 'ROUND#', 'DOSSIER#', 'CERTIFICATE#'],
        query: { gsi2: ['CODE#'] },
      },
      bucket: { read: ['certificates/'] },
      rateLimits: true,
      pages: true,
    },
  },
  intake: {
    entry: 'functions/intake/handler.ts',
    description: 'Applicant API: drafts, uploads, submission',
    memoryMb: 1024,
    timeoutSeconds: 15,
    // A resubmitted supplement resumes the waiting execution (found by `npm run check:permissions`).
    needs: {
      table: {
        read: ['CONFIG', 'ROUND#', 'DOSSIER#', 'GUARD#', 'IDEM#', 'LINK#'],
        write: ['ROUND#', 'DOSSIER#', 'GUARD#', 'IDEM#', 'LINK#', 'COUNTER#DOSSIER#'],
        // A dossier that changes its name or registration number gives up its old duplicate guards.
        delete: ['GUARD#'],
        query: { gsi2: ['CODE#'] },
      },
      // Files are posted under uploads/ and copied under dossiers/ at submit; nothing is deleted (the
      // bucket's lifecycle expires abandoned uploads), and certificates are out of reach.
      bucket: { read: ['uploads/', 'dossiers/'], write: ['uploads/', 'dossiers/'] },
      mail: true,
      workflow: 'start+callback',
      // A new draft's resume link is issued and emailed by the jobs function (`ResumeLinkEvent`), so the
      // answer does not wait on SES.
      jobs: true,
      // Drafts per IP, resume emails per address, `/api/resume` without a valid secret per IP and dossier.
      rateLimits: true,
    },
  },
  review: {
    entry: 'functions/review/handler.ts',
    description: 'Reviewer pages and decisions through emailed links',
    memoryMb: 512,
    timeoutSeconds: 10,
    needs: {
      table: {
        // COUNCIL#: a council member's opinion, once, while the council has not decided.
        read: ['LINK#', 'DOSSIER#', 'ROUND#', 'STAFF#', 'DECISION#', 'COUNCIL#'],
        write: ['LINK#', 'DOSSIER#', 'DECISION#', 'COUNCIL#'],
        // A decision whose workflow callback failed is withdrawn, so the reviewer can decide again.
        delete: ['DECISION#'],
      },
      bucket: { read: ['dossiers/'] },
      workflow: 'callback',
      pages: true,
    },
  },
  checkDossier: {
    entry: 'functions/check-dossier/handler.ts',
    description: 'Workflow: checks every document of a dossier',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: {
      // Reads the dossier and the first bytes of each file; the outcome is recorded by the next steps.
      table: { read: ['DOSSIER#'] },
      bucket: { read: ['dossiers/'] },
    },
  },
  requestReview: {
    entry: 'functions/request-review/handler.ts',
    description: 'Workflow: stores the review task token and emails the reviewers their links',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: {
      table: {
        // COUNCIL#, COUNCIL_LOAD#: a council is seated once per dossier and cycle, balanced by each member's load.
        read: ['DOSSIER#', 'ROUND#', 'COUNCIL#', 'COUNCIL_LOAD#'],
        write: ['DOSSIER#', 'ROUND#', 'LINK#', 'COUNCIL#', 'COUNCIL_LOAD#'],
        // An empty reviewer pool mails the coordinators instead.
        query: { gsi1: ['STAFF'] },
      },
      mail: true,
    },
  },
  requestSupplement: {
    entry: 'functions/request-supplement/handler.ts',
    description: 'Workflow: stores the supplement task token and emails the applicant',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: {
      table: {
        read: ['DOSSIER#', 'ROUND#'],
        write: ['DOSSIER#', 'ROUND#', 'LINK#'],
      },
      mail: true,
    },
  },
  issueCertificate: {
    entry: 'functions/issue-certificate/handler.ts',
    description: 'Workflow: issues the one membership certificate of an approved dossier',
    memoryMb: 1024,
    timeoutSeconds: 60,
    // The only function that creates certificates (items, numbers and PDFs).
    needs: {
      table: {
        read: ['DOSSIER#', 'ROUND#', 'CERTIFICATE#'],
        write: ['DOSSIER#', 'CERTIFICATE#', 'COUNTER#CERTIFICATE#'],
      },
      bucket: { write: ['certificates/'] },
    },
    assets: 'fonts',
  },
  verify: {
    entry: 'functions/verify/handler.ts',
    description: 'Public certificate verification (page + signed credential), issuer keys, revocation',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Verification reads; a coordinator's revocation (checked against their session) writes the
    // certificate's status and the dossier's audit entry, and emails the holder.
    needs: {
      table: {
        // ACTIVITY#, MEMBERACTIVITY#, VENUESLOT#: a revocation cancels the member's activities still to come
        // (listed under the member) and frees their time.
        read: ['CERTIFICATE#', 'DOSSIER#', 'SESSION#', 'STAFF#', 'ACTIVITY#', 'MEMBERACTIVITY#'],
        // DIRECTORY: the revoked member leaves the directory at once (its version moves, issue 16).
        write: ['CERTIFICATE#', 'DOSSIER#', 'ACTIVITY#', 'DIRECTORY'],
        delete: ['VENUESLOT#'],
      },
      // The page signs a short-lived link to the certificate's PDF, as /status does.
      bucket: { read: ['certificates/'] },
      mail: true,
      signingKey: true,
      pages: true,
    },
  },
  recordOutcome: {
    entry: 'functions/record-outcome/handler.ts',
    description: 'Workflow: records an outcome, escalation or failure on the dossier and notifies',
    memoryMb: 512,
    timeoutSeconds: 30,
    needs: {
      table: {
        // A member approved after the ceremony invitations went out (INVITATIONS#) is invited at once,
        // through the bulk sender (LINK#, LINKSALT#, BULKCHUNK#), unless their certificate was revoked.
        read: ['DOSSIER#', 'ROUND#', 'CERTIFICATE#', 'INVITATIONS#', 'LINK#', 'LINKSALT#', 'BULKCHUNK#'],
        // GUARD#: a dossier not accepted gets its deletion date (TTL) on the guards it holds too.
        // MEMBER#, MEMBERMAIL#, DIRECTORY: an approved member's directory profile is made with the approval.
        write: [
          'DOSSIER#',
          'ROUND#',
          'LINK#',
          'LINKSALT#',
          'BULKCHUNK#',
          'GUARD#',
          'MEMBER#',
          'MEMBERMAIL#',
          'DIRECTORY',
        ],
        // The bulk sender gives a link's claim back when its email fails.
        delete: ['LINK#'],
        // A failure or an escalation mails the coordinators.
        query: { gsi1: ['STAFF', 'ADDRESSES#marked'] },
      },
      // The approval email links the certificate's PDF; a dossier not accepted has its files tagged for
      // deletion (the bucket's lifecycle rule, retention.ts).
      bucket: { read: ['certificates/'], tag: ['dossiers/'] },
      mail: true,
      contact: true,
    },
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
      // The dashboard: rounds, dossiers, staff, check-in, bulk emails; never creates a certificate.
      table: {
        read: [
          ...COORDINATOR_SIGN_IN,
          'ROUND#',
          'DOSSIER#',
          // Dossiers with the same space name (GUARD#<round>#NAME#…), flagged on the dossier page.
          'GUARD#',
          'CERTIFICATE#',
          'STAFFAUDIT',
          'LINK#',
          'LINKSALT#',
          'BULKCHUNK#',
          'SENT#',
          'INVITATIONS#',
          'RSVP#',
          'PASS#',
          'ADDRESS#',
          'COUNTER#',
          // A member's directory profile, which a coordinator may hide (issue 16).
          'MEMBER#',
          // The venues members book and the permit guidance (issue 16).
          'VENUE#',
          'SETTING#',
          // An approved activity whose permit a coordinator marks obtained (issue 16 item 5).
          'ACTIVITY#',
        ],
        write: [
          ...COORDINATOR_SIGN_IN,
          'ROUND#',
          'DOSSIER#',
          'STAFFAUDIT',
          'LINK#',
          'LINKSALT#',
          'BULKCHUNK#',
          'SENT#',
          'INVITATIONS#',
          'RSVP#',
          'PASS#',
          'VENUE#',
          'SETTING#',
          'MEMBER#',
          'DIRECTORY',
          'ACTIVITY#',
        ],
        // GUARD#: deleting a draft round's drafts frees their duplicate guards; SENT#: a send claim is
        // given back when its email fails.
        delete: ['STAFF#', 'ROUND#', 'LINK#', 'GUARD#', 'SENT#'],
        query: {
          // ACTIVITIES#: the months' activities that need a permit; MEMBERS#hidden: the hidden profiles.
          gsi1: [
            'ROUND#',
            'ROUNDS',
            'STAFF',
            'RSVPS#',
            'ADDRESSES#marked',
            'VENUES',
            'ACTIVITIES#',
            'MEMBERS#hidden',
          ],
          gsi2: ['CODE#'],
        },
      },
      bucket: { read: ['dossiers/', 'certificates/'] },
      mail: true,
      schedules: true,
      jobs: true,
      adminEmail: true,
      // Sign-in emails per address.
      rateLimits: true,
      pages: true,
    },
  },
  jobs: {
    entry: 'functions/jobs/handler.ts',
    description:
      'Scheduled jobs (deadline reminder, closing, ceremony invitations) and bulk emails handed over by the dashboard',
    memoryMb: 512,
    // A run stops claiming recipients a minute before this and goes on in a new invocation.
    timeoutSeconds: 300,
    needs: {
      table: {
        read: [
          'CONFIG',
          'ROUND#',
          'DOSSIER#',
          'STAFF#',
          'LINK#',
          'LINKSALT#',
          'BULKCHUNK#',
          'SENT#',
          'INVITATIONS#',
          'RSVP#',
          'ADDRESS#',
          // Revoked members get no invitation (their certificate, through the dossier's pointer).
          'CERTIFICATE#',
          // The reconciler: decisions recorded and not yet delivered (the outbox).
          'DECISION#',
        ],
        // STAFF#, CONFIG, STAFFAUDIT: a sign-in request handed over by the admin function (the lookup and
        // the link are made here, so the request does the same work for any address) may make the first
        // coordinator (`adminEmail`, once).
        write: [
          'ROUND#',
          'DOSSIER#',
          'LINK#',
          'LINKSALT#',
          'BULKCHUNK#',
          'SENT#',
          'INVITATIONS#',
          'RSVP#',
          // Locally only: the stand-in of a follow-up run's one-time schedule (see StoredFollowUps).
          'FOLLOWUP#',
          // The reconciler numbers a dossier whose submit died between its state change and its number.
          'COUNTER#',
          'STAFF#',
          'CONFIG',
          'STAFFAUDIT',
          'DECISION#',
          // The backfill of members' profiles (a coordinator's action): the profile, its address lookup
          // and the directory's version; the dossier's pointer to it is under DOSSIER#.
          'MEMBER#',
          'MEMBERMAIL#',
          'DIRECTORY',
        ],
        // DECISION#: the reconciler withdraws a decision whose review task timed out (fresh links went out).
        // GUARD#: the closing job expires drafts and frees their duplicate guards; SENT#: the closing
        // summary's claim is given back when its email fails.
        delete: ['LINK#', 'DECISION#', 'GUARD#', 'SENT#'],
        query: { gsi1: ['ROUND#', 'ROUNDS', 'STAFF', 'RSVPS#', 'ADDRESSES#marked', 'DECISIONS#pending'] },
      },
      mail: true,
      contact: true,
      jobs: true,
      adminEmail: true,
      // The reconciler (every 15 minutes): starts lost executions, delivers recorded decisions and
      // supplements, and reads an execution's status to tell a lost one from a running one.
      workflow: 'start+callback+read',
      // A run that ends with claims in doubt creates its follow-up run's one-time schedule (it targets the
      // function itself, so it gets no SCHEDULER_TARGET_ARN; see environmentOf).
      schedules: true,
    },
  },
  rsvp: {
    entry: 'functions/rsvp/handler.ts',
    description: 'Ceremony RSVP pages through emailed links; accepting sends the check-in pass',
    memoryMb: 512,
    timeoutSeconds: 15,
    needs: {
      table: {
        // CERTIFICATE#: a revoked member's RSVP link answers nothing and issues no pass.
        read: ['LINK#', 'ROUND#', 'DOSSIER#', 'INVITATIONS#', 'RSVP#', 'PASS#', 'CERTIFICATE#'],
        // SENT#: the check-in pass is claimed once before it is emailed, and given back if that fails.
        write: ['LINK#', 'RSVP#', 'PASS#', 'SENT#'],
        delete: ['SENT#'],
      },
      mail: true,
      pages: true,
    },
  },
  activities: {
    entry: 'functions/activities/handler.ts',
    description:
      'Members propose activities at the venues through emailed links, the Centre decides (workflow kind activity), /su-kien and its feed',
    memoryMb: 512,
    timeoutSeconds: 15,
    needs: {
      table: {
        // A proposal link is emailed to an approved member with a valid certificate (rounds' approved lists
        // by index, the dossier, its certificate); a booking holds its venue's half hours (VENUESLOT#).
        read: ['ACTIVITY#', 'VENUE#', 'SETTING#', 'LINK#', 'DOSSIER#', 'CERTIFICATE#'],
        write: ['ACTIVITY#', 'MEMBERACTIVITY#', 'VENUESLOT#', 'LINK#'],
        // A rejected or expired proposal gives its half hours back.
        delete: ['VENUESLOT#'],
        query: {
          // STAFF: the coordinators who decide; ROUNDS, ROUND#: each round's approved members.
          gsi1: ['ACTIVITIES#', 'VENUES', 'STAFF', 'ROUNDS', 'ROUND#'],
        },
      },
      mail: true,
      // Starts one execution per proposal (kind activity) and hands the Centre's decision to its task.
      workflow: 'start+callback',
      pages: true,
      // Proposal links per address and per client.
      rateLimits: true,
    },
  },
  directory: {
    entry: 'functions/directory/handler.ts',
    description:
      'Public directory of members (/thanh-vien), profile pages, members editing their profile by emailed link',
    memoryMb: 512,
    timeoutSeconds: 10,
    needs: {
      table: {
        // The profiles (MEMBER#, MEMBERMAIL#: by the representative's address); CERTIFICATE#: a member is
        // shown only while its certificate is valid; LINK#: the emailed editing links.
        // DIRECTORY: the directory's version (the list is kept in memory while it stands). DOSSIER#: the
        // images of a member's dossier, which the member may choose as photos.
        read: ['MEMBER#', 'MEMBERMAIL#', 'CERTIFICATE#', 'LINK#', 'DIRECTORY', 'DOSSIER#'],
        write: ['MEMBER#', 'LINK#', 'DIRECTORY'],
        // The directory's partition only: hidden profiles are in another one it never reads.
        query: { gsi1: ['MEMBERS'] },
      },
      // Members' photos: new ones posted under uploads/members/, the dossier's images read, and every
      // chosen one copied under members/ (served by a short-lived link; nothing here is public).
      bucket: {
        read: ['uploads/members/', 'dossiers/', 'members/'],
        write: ['uploads/members/', 'members/'],
      },
      mail: true,
      // Editing-link emails per address and per client IP.
      rateLimits: true,
      pages: true,
      map: true,
    },
  },
  mailEvents: {
    entry: 'functions/mail-events/handler.ts',
    description:
      'SES bounces and complaints (configuration set → SNS): marks the addresses bulk sending skips',
    memoryMb: 256,
    timeoutSeconds: 30,
    // Subscribed to the Mailer's event topic by the stack; no API route.
    needs: { table: { read: ['ADDRESS#'], write: ['ADDRESS#'] } },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;
