import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { UPLOAD_PREFIX } from '../../shared/adapters/s3/prefixes.ts';

/**
 * What a function may do with the bucket's objects, by key prefix (`'uploads/'`, `'certificates/'`):
 * object-level actions only, on `<bucket>/<prefix>*`. Keys are built by the server; nothing lists the bucket.
 */
export interface BucketAccess {
  /** GetObject (HeadObject, a presigned download, the source of a CopyObject). */
  readonly read?: readonly string[];
  /** PutObject (a presigned POST, the target of a CopyObject). */
  readonly write?: readonly string[];
  /** DeleteObject. */
  readonly delete?: readonly string[];
}

export const OBJECT_ACTIONS = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
} as const;

export interface DocumentBucketProps {
  readonly formOrigin: string;
  readonly retain: boolean;
}

/** Documents and certificates: private, encrypted, TLS-only, CORS for the form, abandoned uploads expire. */
export class DocumentBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: DocumentBucketProps) {
    super(scope, id);
    const removal = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: removal,
      autoDeleteObjects: !props.retain,
    });
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          allowedMethods: [HttpMethods.POST],
          allowedOrigins: [props.formOrigin],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        // Files uploaded to a draft that was never submitted are moved under a dossier's key at submit
        // time; whatever stays under the upload prefix is abandoned.
        { prefix: UPLOAD_PREFIX, expiration: Duration.days(30) },
        {
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(90),
        },
      ],
      removalPolicy: removal,
      autoDeleteObjects: !props.retain,
    });
  }

  /** One statement per kind of access, on the objects under the prefixes it names. */
  grantAccess(grantee: IGrantable, access: BucketAccess): void {
    for (const kind of ['read', 'write', 'delete'] as const) {
      const prefixes = [...new Set(access[kind] ?? [])];
      if (!prefixes.length) continue;
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [OBJECT_ACTIONS[kind]],
          resources: prefixes.map((prefix) => this.bucket.arnForObjects(`${prefix}*`)),
        }),
      );
    }
  }
}
