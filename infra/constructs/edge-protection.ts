import { Aws, CfnOutput, CfnRule, Fn, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface EdgeProtectionProps {
  /** The HTTP API's endpoint (`https://<id>.execute-api.<region>.amazonaws.com`). */
  readonly apiEndpoint: string;
  /** Requests per client IP per 5-minute window before WAF blocks that IP (WAF's own evaluation window). */
  readonly ratePer5Min: number;
}

/** The one region where a WAF web ACL for CloudFront (`CLOUDFRONT` scope) can be created. */
export const EDGE_REGION = 'us-east-1';

/**
 * Optional edge in front of the API (stage flag `edgeProtection`): a CloudFront distribution that passes
 * every request through (no caching) and a WAFv2 web ACL with a rate-based rule per client IP.
 *
 * A `CLOUDFRONT`-scope web ACL exists only in us-east-1, so the flag requires the stack to be deployed
 * there: a region known at synthesis must be us-east-1 (synthesis fails otherwise), and an environment-
 * agnostic stack carries a CloudFormation rule that refuses the deployment in any other region before
 * anything is created. Synthesis stays offline (no lookups, no cross-region references).
 */
export class EdgeProtection extends Construct {
  readonly distribution: Distribution;
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeProtectionProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== EDGE_REGION)
      throw new Error(
        `edgeProtection needs the stack in ${EDGE_REGION} (a WAF web ACL for CloudFront exists only there); this stack is in ${region}. Deploy it to ${EDGE_REGION} or leave edgeProtection off.`,
      );
    new CfnRule(this, 'OnlyInUsEast1', {
      assertions: [
        {
          assert: Fn.conditionEquals(Aws.REGION, EDGE_REGION),
          assertDescription: `edgeProtection needs the stack in ${EDGE_REGION}: a WAF web ACL for CloudFront exists only there.`,
        },
      ],
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'hcsn-edge',
        sampledRequestsEnabled: true,
      },
      rules: [
        {
          name: 'RatePerClientIp',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.ratePer5Min,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'hcsn-edge-rate-per-ip',
            sampledRequestsEnabled: true,
          },
        },
      ],
    });

    // `https://<host>` → `<host>`: the API is the only origin.
    const apiHost = Fn.select(2, Fn.split('/', props.apiEndpoint));
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Hanoi Creative Space Network: the API behind WAF (edgeProtection)',
      defaultBehavior: {
        origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        // Every page and answer is per request (no-store): nothing is cached at the edge.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      webAclId: this.webAcl.attrArn,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: PriceClass.PRICE_CLASS_200,
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions::AwsSolutions-CFR1',
        reason: 'The network is open to creative spaces anywhere; no country is excluded by design.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR3',
        reason: 'The API stage keeps an access log of every request (client IP, route, status) already.',
      },
      {
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'The default CloudFront certificate is used until a custom domain is added; viewers get TLS 1.2+ with one.',
      },
    );
    new CfnOutput(this, 'EdgeUrl', { value: `https://${this.distribution.distributionDomainName}` });
  }
}
