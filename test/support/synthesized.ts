import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/app.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';

export type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

/**
 * The stack as `cdk synth` makes it from cdk.json's context, offline and without bundling: its template,
 * its resources, and the logical id of a catalog function (by the `hcsn:function` metadata).
 */
export function synthesizedStack() {
  const { stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Resources;
  const logicalIdOf = (fn: string) =>
    Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === fn)![0];
  return { stack, template, resources, logicalIdOf };
}
