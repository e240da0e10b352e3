import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';

/** Reads one SSM parameter, decrypting a SecureString (the caller needs kms:Decrypt on its key). */
export async function readParameter(ssm: SSMClient, name: string): Promise<string> {
  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  const value = out.Parameter?.Value;
  if (!value) throw new Error(`SSM parameter ${name} is empty`);
  return value;
}
