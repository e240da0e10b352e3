import { makeS3Client, makeSesClient, makeSfnClient } from './adapters/clients.ts';
import { Dossiers } from './adapters/dynamodb/dossiers.ts';
import { Links } from './adapters/dynamodb/links.ts';
import { Rounds } from './adapters/dynamodb/rounds.ts';
import { Files } from './adapters/s3/files.ts';
import { SesMailer } from './adapters/ses/mailer.ts';
import { Workflow } from './adapters/sfn/workflow.ts';
import { required } from './config.ts';
import { Env } from './env.ts';
import { clock, config, tableStore } from './runtime.ts';

/** Adapter factories for composition roots; each builds its SDK client only when a function asks for it. */
export const compose = {
  rounds: () => new Rounds(tableStore()),
  dossiers: () => new Dossiers(tableStore()),
  links: () => new Links(tableStore()),
  files: () => new Files(makeS3Client(config), required(config.bucketName, Env.bucketName)),
  mailer: () => new SesMailer(makeSesClient(), config.mailFrom, config.sesConfigurationSet),
  workflow: () => new Workflow(makeSfnClient(), required(config.stateMachineArn, Env.stateMachineArn)),
  clock,
  config,
};
