import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { routeKey, routes } from '../../infra/routes.ts';
import { NOT_ACCEPTED_TAG, RETENTION } from '../../shared/domain/retention.ts';
import { PRIVACY_PATH } from '../../shared/pages/privacy-page.tsx';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;
type Rule = {
  Id?: string;
  Prefix?: string;
  TagFilters?: { Key: string; Value: string }[];
  ExpirationInDays?: number;
  NoncurrentVersionExpiration?: { NoncurrentDays: number };
  Status: string;
};

/** The retention the privacy notice states (shared/domain/retention.ts) is the one the stack deploys. */
describe('retention in the synthesized stack', () => {
  let resources: Resources;

  beforeAll(() => {
    const { stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    resources = Template.fromStack(stack).toJSON().Resources;
  });

  const buckets = () => Object.values(resources).filter((r) => r.Type === 'AWS::S3::Bucket');
  const rulesOf = (r: Resources[string]) =>
    ((r.Properties?.LifecycleConfiguration as { Rules?: Rule[] } | undefined)?.Rules ?? []) as Rule[];

  it('the document bucket expires uploads, the files of dossiers not accepted and old versions as stated', () => {
    const documents = buckets().find((b) => b.Properties?.VersioningConfiguration);
    expect(documents).toBeDefined();
    const rules = rulesOf(documents!);
    expect(rules).toContainEqual(
      expect.objectContaining({
        Prefix: 'uploads/',
        ExpirationInDays: RETENTION.uploadDays,
        Status: 'Enabled',
      }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        TagFilters: [{ Key: NOT_ACCEPTED_TAG.key, Value: NOT_ACCEPTED_TAG.value }],
        ExpirationInDays: RETENTION.notAcceptedDays,
        Status: 'Enabled',
      }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        NoncurrentVersionExpiration: { NoncurrentDays: RETENTION.previousVersionDays },
        Status: 'Enabled',
      }),
    );
    // Nothing in the bucket outlives what the notice says by another rule.
    for (const rule of rules)
      if (rule.ExpirationInDays !== undefined)
        expect(rule.Prefix === 'uploads/' || rule.TagFilters !== undefined, JSON.stringify(rule)).toBe(true);
  });

  it('the access logs bucket keeps its logs the stated days', () => {
    const logs = buckets().filter((b) => !b.Properties?.VersioningConfiguration);
    expect(logs.length).toBeGreaterThan(0);
    for (const b of logs)
      expect(rulesOf(b)).toContainEqual(
        expect.objectContaining({ ExpirationInDays: RETENTION.accessLogDays }),
      );
  });

  it('keeps no technical log longer than the notice says', () => {
    const groups = Object.values(resources).filter((r) => r.Type === 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(3);
    for (const g of groups) {
      const days = g.Properties?.RetentionInDays as number | undefined;
      expect(days, 'every log group has a retention').toBeDefined();
      expect(days!).toBeLessThanOrEqual(RETENTION.technicalLogDays);
    }
  });

  it('lets the function that records a rejection tag the dossier’s files, and serves the notice', () => {
    const tagging = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((p) => (p.Properties!.PolicyDocument as { Statement: { Action: unknown }[] }).Statement)
      .filter((s) => [s.Action].flat().includes('s3:PutObjectTagging'));
    expect(tagging.length).toBeGreaterThan(0);
    expect(JSON.stringify(tagging)).toContain('/dossiers/*');
    expect(routes.map(routeKey)).toContain(`GET ${PRIVACY_PATH}`);
  });
});
