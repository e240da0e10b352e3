import { describe, expect, it } from 'vitest';
import { endpointsOf, environmentOf } from '../../infra/function-env.ts';
import { createLambdaRuntime } from '../../infra/local/lambda-runner.ts';

describe('one declaration per function of what it needs (offline)', () => {
  it('gives each function only the variables of its needs, in AWS and locally', () => {
    // The public site reads the table and the bucket (and counts /status lookups against the rate limits):
    // no workflow, no mail, no schedules, no first coordinator. Its pages' footer shows the Centre's contact.
    expect(environmentOf('site', 'aws').sort()).toEqual([
      'BUCKET_NAME',
      'CENTRE_CONTACT',
      'PUBLIC_BASE_URL',
      'RATE_LIMITS',
      'STAGE',
      'TABLE_NAME',
    ]);
    // The rate limits reach the functions that apply them, and only those.
    expect(environmentOf('intake', 'aws')).toContain('RATE_LIMITS');
    expect(environmentOf('admin', 'aws')).toContain('RATE_LIMITS');
    expect(environmentOf('review', 'aws')).not.toContain('RATE_LIMITS');
    // The contact reaches every function that renders pages or sends ceremony invitations (their calendar
    // organizer), and only those; locally the placeholder.
    for (const fn of ['site', 'review', 'rsvp', 'verify', 'admin', 'jobs', 'recordOutcome'] as const)
      expect(environmentOf(fn, 'aws'), fn).toContain('CENTRE_CONTACT');
    expect(environmentOf('intake', 'aws')).not.toContain('CENTRE_CONTACT');
    expect(environmentOf('site', 'local')).not.toContain('CENTRE_CONTACT');
    expect(endpointsOf('site').sort()).toEqual(['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_S3']);
    // Only the admin function creates schedules, and only in AWS (locally the scheduler reads the rounds).
    expect(environmentOf('admin', 'aws')).toContain('SCHEDULER_ROLE_ARN');
    expect(environmentOf('admin', 'local')).not.toContain('SCHEDULER_ROLE_ARN');
    expect(environmentOf('admin', 'aws')).toContain('ADMIN_EMAIL');
    expect(environmentOf('intake', 'aws')).not.toContain('ADMIN_EMAIL');
    // The signing key is an SSM parameter in AWS and a file locally.
    expect(environmentOf('verify', 'aws')).toContain('SIGNING_KEY_PARAMETER');
    expect(environmentOf('verify', 'local')).toContain('SIGNING_KEY_FILE');
    // The jobs function continues itself by the ARN it was invoked with, not by a variable naming itself.
    expect(environmentOf('jobs', 'aws')).not.toContain('JOBS_FUNCTION_NAME');
    expect(environmentOf('admin', 'aws')).toContain('JOBS_FUNCTION_NAME');
  });

  it('a local function started without one of its variables fails at once, naming itself and the variable', async () => {
    const runtime = createLambdaRuntime(() => ({ STAGE: 'local', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }));
    try {
      await expect(runtime.invoke('site', {})).rejects.toThrow(
        /^Function site: missing environment variable\(s\) PUBLIC_BASE_URL, TABLE_NAME, BUCKET_NAME, RATE_LIMITS, CLOCK_OFFSET_FILE, S3_FORCE_PATH_STYLE, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3$/,
      );
    } finally {
      await runtime.close();
    }
  });
});
