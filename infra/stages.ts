import { z } from 'zod';
import { isTileTemplate } from '../shared/domain/map-tiles.ts';
import { DEFAULT_RATE_LIMITS, RateLimitsSchema } from '../shared/domain/rate-limits.ts';
import { CentreContactSchema, PLACEHOLDER_CONTACT } from '../shared/env.ts';

/** Settings that differ between deployments; chosen with `-c stage=dev|prod`, fields overridable by context. */
export const StageConfigSchema = z.object({
  stage: z.enum(['dev', 'prod']),
  /** Domain verified in SES; the sender address lives on it. */
  mailDomain: z.string().min(3),
  mailFrom: z.string().min(3),
  /** Public URL of the site (custom domain or the API endpoint once known). Empty = the API's own URL. */
  publicBaseUrl: z.string().default(''),
  /**
   * The first coordinator (`-c adminEmail=`): signs in at /admin with an emailed link and from there creates
   * rounds and adds staff; also gets the operations alarms. Everything else about people and rounds is data.
   */
  adminEmail: z.email(),
  /** Origin allowed to POST uploads straight to the bucket. */
  formOrigin: z.string().min(1),
  /** How long a reviewer has before a reminder, and a supplement's maximum wait, in seconds. */
  reviewTimeoutSeconds: z.number().int().positive().max(2_147_483),
  supplementTimeoutSeconds: z.number().int().positive(),
  /** How long the Director has to sign a recommendation off before the coordinators are alerted, in seconds. */
  signOffTimeoutSeconds: z.number().int().positive().max(2_147_483),
  /** The SES account's sending rate for bulk jobs (emails per second). */
  sendRatePerSecond: z.number().min(0),
  retainData: z.boolean(),
  /**
   * Name of the SSM SecureString parameter holding the issuer's Ed25519 private key (PKCS#8 PEM). The
   * stack does not create it (a secret never goes through a template): see the README.
   */
  signingKeyParameter: z.string().regex(/^\/[\w./-]+$/),
  /**
   * Rate limits (issue 13): emails per address, drafts and lookups per client IP, resume requests per IP and
   * dossier. Override with `-c rateLimits='{"draftsPerIp":{"limit":40,"windowSeconds":3600}}'` (merged
   * over the stage's).
   */
  rateLimits: RateLimitsSchema,
  /**
   * CloudFront + WAF rate-based rule in front of the API (`infra/constructs/edge-protection.ts`). WAF for
   * CloudFront lives in us-east-1: applied only when the stack is deployed there (README, "Rate limits").
   */
  edgeProtection: z.boolean(),
  /** Requests per client IP per 5 minutes the WAF rule allows before blocking (with `edgeProtection`). */
  edgeRateLimitPer5Min: z.number().int().min(10),
  /**
   * The Centre's contact in every page's footer (`CENTRE_CONTACT`). The stages carry marked placeholders
   * for the address and phone (the seed article gives none): set the real ones at deploy with
   * `-c centreContact='{"address":"…","phone":"…","email":"…"}'` (merged over the stage's).
   */
  centreContact: CentreContactSchema,
  /**
   * The directory's map tiles (`-c directoryTileUrl=https://…/{z}/{x}/{y}.png -c directoryTileAttribution=…`):
   * empty = no map, the list alone. The provider's terms decide the attribution (OSM's tiles require one).
   */
  directoryTileUrl: z.string().refine((v) => v === '' || isTileTemplate(v), 'a tile URL template'),
  directoryTileAttribution: z.string().max(300),
});

export type StageConfig = z.infer<typeof StageConfigSchema>;

const defaults: Record<StageConfig['stage'], StageConfig> = {
  dev: {
    stage: 'dev',
    mailDomain: 'kgst.example.vn',
    mailFrom: 'Mạng lưới KGST Hà Nội <no-reply@kgst.example.vn>',
    publicBaseUrl: '',
    adminEmail: 'dieuphoi@kgst.example.vn',
    formOrigin: '*',
    reviewTimeoutSeconds: 3 * 24 * 3600,
    supplementTimeoutSeconds: 14 * 24 * 3600,
    signOffTimeoutSeconds: 7 * 24 * 3600,
    sendRatePerSecond: 1,
    retainData: false,
    signingKeyParameter: '/hcsn/dev/signing-key',
    rateLimits: DEFAULT_RATE_LIMITS,
    edgeProtection: false,
    edgeRateLimitPer5Min: 1000,
    centreContact: { ...PLACEHOLDER_CONTACT, email: 'lienhe@kgst.example.vn' },
    directoryTileUrl: '',
    directoryTileAttribution: '',
  },
  prod: {
    stage: 'prod',
    mailDomain: 'kgst.hanoi.gov.vn',
    mailFrom: 'Mạng lưới Không gian Sáng tạo Hà Nội <no-reply@kgst.hanoi.gov.vn>',
    publicBaseUrl: '',
    adminEmail: 'dieuphoi@kgst.hanoi.gov.vn',
    formOrigin: 'https://kgst.hanoi.gov.vn',
    reviewTimeoutSeconds: 3 * 24 * 3600,
    supplementTimeoutSeconds: 14 * 24 * 3600,
    signOffTimeoutSeconds: 7 * 24 * 3600,
    sendRatePerSecond: 14,
    retainData: true,
    signingKeyParameter: '/hcsn/prod/signing-key',
    rateLimits: DEFAULT_RATE_LIMITS,
    edgeProtection: false,
    edgeRateLimitPer5Min: 1000,
    centreContact: { ...PLACEHOLDER_CONTACT, email: 'lienhe@kgst.hanoi.gov.vn' },
    directoryTileUrl: '',
    directoryTileAttribution: '',
  },
};

/** Reads the stage from context (`stage`) and lets any field be overridden by a context key of the same name. */
export function resolveStageConfig(tryGetContext: (key: string) => unknown): StageConfig {
  const stage = StageConfigSchema.shape.stage.parse(tryGetContext('stage') ?? 'dev');
  const base = defaults[stage];
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(base)) {
    const v = tryGetContext(key);
    if (v === undefined) continue;
    const was = base[key as keyof StageConfig];
    if (typeof was === 'number') merged[key] = Number(v);
    else if (typeof was === 'boolean') merged[key] = v === true || v === 'true';
    else if (typeof was === 'object')
      merged[key] = { ...was, ...(typeof v === 'string' ? JSON.parse(v) : v) };
    else merged[key] = v;
  }
  return StageConfigSchema.parse(merged);
}
