import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { routes } from '../../infra/routes.ts';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

/**
 * HSTS and the CSP's upload origin are decided in the functions from their environment: HSTS whenever
 * STAGE is not `local`, `connect-src` from BUCKET_NAME and the Lambda region. These assert that each
 * deployed stage gives the HTTP functions what turns them on.
 */
describe('security headers in AWS (offline synth)', () => {
  for (const stage of ['dev', 'prod'] as const) {
    it(`${stage}: every HTTP function runs with STAGE=${stage} (HSTS on), the site function knows its bucket`, () => {
      const { stack } = buildApp(
        { context: { ...cdkJsonContext(), stage, 'aws:cdk:bundling-stacks': [] } },
        { nag: false },
      );
      const resources = Template.fromStack(stack).toJSON().Resources as Resources;
      const lambdas = Object.entries(resources).filter(
        ([id, r]) => r.Type === 'AWS::Lambda::Function' && !/CustomResource|LogRetention|AwsCustom/i.test(id),
      );
      const httpFns = new Set(routes.map((r) => r.fn));
      const vars = (name: string) => {
        const found = lambdas.filter(([id]) => id.toLowerCase().startsWith(name.toLowerCase()));
        expect(found.length, `${name} function in the template`).toBeGreaterThan(0);
        return (found[0]![1].Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      };
      for (const fn of httpFns) expect(vars(fn).STAGE, fn).toBe(stage);
      expect(vars('site').BUCKET_NAME).toBeDefined();
    });
  }
});
