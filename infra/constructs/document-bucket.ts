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
import { NOT_ACCEPTED_TAG, RETENTION } from '../../shared/domain/retention.ts';

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
  /** PutObjectTagging (marking a file for a lifecycle rule). */
  readonly tag?: readonly string[];
}

export const OBJECT_ACTIONS = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
  tag: 's3:PutObjectTagging',
} as const;

export interface DocumentBucketProps {
  readonly formOrigin: string;
  readonly retain: boolean;
}

/**
 * Documents and certificates: private, encrypted, TLS-only, CORS for the form; abandoned uploads and the
 * files of dossiers not accepted expire after the periods of the privacy notice.
 */
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
      lifecycleRules: [{ expiration: Duration.days(RETENTION.accessLogDays) }],
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
          // POST: the form's direct uploads; GET: pdf.js reading a PDF (presigned) to preview its first page.
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedOrigins: [props.formOrigin],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      // The periods the privacy notice states (shared/domain/retention.ts): S3 counts each from the
      // object's creation.
      lifecycleRules: [
        // Files uploaded to a draft that was never submitted are moved under a dossier's key at submit
        // time; whatever stays under the upload prefix is abandoned.
        { id: 'Uploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(RETENTION.uploadDays) },
        // A dossier not accepted has its files tagged at the decision; they were copied here at its
        // submission, before the decision, so they are gone at the latest this long after the decision.
        {
          id: 'NotAccepted',
          tagFilters: { [NOT_ACCEPTED_TAG.key]: NOT_ACCEPTED_TAG.value },
          expiration: Duration.days(RETENTION.notAcceptedDays),
        },
        {
          id: 'PreviousVersions',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(RETENTION.previousVersionDays),
        },
      ],
      removalPolicy: removal,
      autoDeleteObjects: !props.retain,
    });
  }

  /** One statement per kind of access, on the objects under the prefixes it names. */
  grantAccess(grantee: IGrantable, access: BucketAccess): void {
    for (const kind of ['read', 'write', 'delete', 'tag'] as const) {
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
