import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface MailerProps {
  readonly mailDomain: string;
}

/**
 * SES: the sending domain identity (DKIM), a configuration set every email is sent with, and that set's
 * bounces and complaints published to an encrypted, TLS-only SNS topic.
 */
export class Mailer extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  /** Bounce and complaint events of the configuration set. */
  readonly eventsTopic: Topic;

  constructor(scope: Construct, id: string, props: MailerProps) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {});
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(props.mailDomain),
      configurationSet: this.configurationSet,
    });

    // A customer-managed key: SES must be allowed to use it to publish, which the AWS-managed SNS key
    // (whose policy cannot be changed) would never allow.
    const key = new Key(this, 'EventsKey', { enableKeyRotation: true, description: 'SES mail events topic' });
    const { account } = Stack.of(this);
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    this.eventsTopic = new Topic(this, 'EventsTopic', { masterKey: key, enforceSSL: true });
    // Adds the topic policy that lets this configuration set (only) publish.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(this.eventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
  }

  /**
   * Lets a function send through this identity and configuration set. SES authorizes `ses:SendEmail`
   * against every resource the send involves: the identity **and** the configuration set (named in the
   * request, or the identity's default set), so a grant on the identity alone is denied (aws/aws-cdk#34402).
   */
  grantSend(grantee: IGrantable): void {
    const { account, region, partition } = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          this.identity.emailIdentityArn,
          `arn:${partition}:ses:${region}:${account}:configuration-set/${this.configurationSet.configurationSetName}`,
        ],
      }),
    );
  }

  /** Delivers the bounce and complaint events to a function. */
  subscribe(fn: IFunction): void {
    this.eventsTopic.addSubscription(new LambdaSubscription(fn));
  }
}
