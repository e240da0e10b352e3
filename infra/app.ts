import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledgeNagFindings } from './nag.ts';
import { PlatformStack } from './stack.ts';
import { resolveStageConfig } from './stages.ts';

/** Builds the CDK app; tests call this with cdk.json's context merged in, the CLI runs this file. */
export function buildApp(
  props: AppProps = {},
  options: { nag?: boolean } = {},
): { app: App; stack: PlatformStack } {
  const app = new App(props);
  const config = resolveStageConfig((key) => app.node.tryGetContext(key));
  const stack = new PlatformStack(app, `HanoiCreativeSpaces-${config.stage}`, {
    config,
    description: 'Hanoi Creative Space Network membership platform',
  });
  Tags.of(stack).add('project', 'hanoi-creative-space-network');
  if (options.nag !== false) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(undefined, { verbose: true }));
    acknowledgeNagFindings(stack);
  }
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
