import * as path from 'node:path';
import { AssetHashType, DockerImage, Duration, type ILocalBundling, Stack } from 'aws-cdk-lib';
import {
  Architecture,
  type CfnFunction,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { Env } from '../../shared/env.ts';
import type { FunctionSpec } from '../functions.ts';
import { buildFunctionSync, HANDLER } from '../lambda/build.ts';

/** Template metadata key naming the catalog function behind a Lambda resource. */
export const FUNCTION_METADATA_KEY = 'hcsn:function';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The function's code, built by `infra/lambda/build.ts` (esbuild with code splitting: `index.mjs` and the
 * chunks it loads on first use) when the asset is staged. CDK's bundling hook, not a build step before
 * synth: a stack synthesized with bundling skipped (`aws:cdk:bundling-stacks`, the tests) builds nothing,
 * and the asset's hash is that of the built files.
 */
function functionCode(name: string, spec: FunctionSpec): Code {
  return Code.fromAsset(ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: the local build always answers (esbuild is a dependency) or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      local: new LocalBuild(name, spec.entry, spec.assets),
    },
  });
}

/**
 * CDK's local bundling hook for one function. Its fields are data on purpose: CDK caches staged assets by
 * the bundling options' JSON, so `name` and `entry` keep two functions' assets apart.
 */
class LocalBuild implements ILocalBundling {
  constructor(
    readonly name: string,
    readonly entry: string,
    readonly assets: FunctionSpec['assets'],
  ) {}

  tryBundle(outputDir: string): boolean {
    buildFunctionSync({ entry: this.entry, assets: this.assets }, outputDir);
    return true;
  }
}

export interface AppFunctionProps {
  readonly name: string;
  readonly spec: FunctionSpec;
}

/** One Lambda of the catalog: Node 24 on arm64, esbuild bundle with source maps, JSON logs, X-Ray. */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    this.fn = new LambdaFunction(this, 'Fn', {
      code: functionCode(props.name, props.spec),
      handler: HANDLER,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.spec.memoryMb,
      timeout: Duration.seconds(props.spec.timeoutSeconds),
      description: props.spec.description,
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      // The catalog's variables (`environmentOf`) are added by the stack, beside their grants.
      environment: {
        [Env.powertoolsServiceName]: props.name,
        [Env.powertoolsMetricsNamespace]: `HanoiCreativeSpaces/${Stack.of(this).stackName}`,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    // Lets the local runtime bind each Task state of the synthesized workflow to the same handler module.
    (this.fn.node.defaultChild as CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);
  }
}
