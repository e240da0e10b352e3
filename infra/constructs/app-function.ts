import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Architecture,
  type CfnFunction,
  type Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { Env } from '../../shared/env.ts';
import { certificateFontPackagePaths } from '../../shared/pdf/font.ts';
import type { FunctionSpec } from '../functions.ts';

/** Template metadata key naming the catalog function behind a Lambda resource. */
export const FUNCTION_METADATA_KEY = 'hcsn:function';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Same bundling the benchmark uses, so what is measured is what is deployed. */
export const BUNDLE_OPTIONS = {
  minify: true,
  sourceMap: true,
  target: 'node24',
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  // ESM bundles still meet CommonJS dependencies that call require() on Node built-ins.
  banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  // The SDK is bundled, not taken from the runtime: the locked version runs, and one minified file
  // loads faster at cold start than the runtime's many SDK modules (measured by `npm run bench`).
  externalModules: [] as string[],
} as const;

export interface AppFunctionProps {
  readonly name: string;
  readonly spec: FunctionSpec;
}

/**
 * Copies the certificate's TTFs next to the bundled handler, where `loadCertificateFonts(dir)` reads
 * them. Paths are taken relative to the project root and re-rooted on `inputDir`, so the hook also works
 * when bundling runs in Docker (`/asset-input`).
 */
function fontCopyHooks() {
  const files = Object.values(certificateFontPackagePaths()).map((p) => path.relative(ROOT, p));
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) =>
      files.map((f) => `cp "${path.posix.join(inputDir, f.split(path.sep).join('/'))}" "${outputDir}/"`),
  };
}

/** One Lambda of the catalog: Node 24 on arm64, esbuild bundle with source maps, JSON logs, X-Ray. */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.THREE_MONTHS });
    this.fn = new NodejsFunction(this, 'Fn', {
      entry: path.join(ROOT, props.spec.entry),
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
      handler: 'handler',
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
      bundling: {
        ...BUNDLE_OPTIONS,
        externalModules: [...BUNDLE_OPTIONS.externalModules],
        mainFields: [...BUNDLE_OPTIONS.mainFields],
        ...(props.spec.assets === 'fonts' ? { commandHooks: fontCopyHooks() } : {}),
      },
    });
    // Lets the local runtime bind each Task state of the synthesized workflow to the same handler module.
    (this.fn.node.defaultChild as CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);
  }
}
