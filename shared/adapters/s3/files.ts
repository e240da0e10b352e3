import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface PresignedUpload {
  readonly url: string;
  readonly fields: Record<string, string>;
}

export interface ObjectHead {
  readonly size: number;
  readonly contentType?: string;
}

/** The document bucket: presigned uploads, object checks, copies and short-lived downloads. */
export class Files {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  /** A browser upload whose key, type and size range are fixed by the server's policy. */
  presignUpload(input: {
    key: string;
    contentType: string;
    maxBytes: number;
    expiresSeconds: number;
  }): Promise<PresignedUpload> {
    return createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [
        ['content-length-range', 1, input.maxBytes],
        ['eq', '$Content-Type', input.contentType],
      ],
      Fields: { 'Content-Type': input.contentType },
      Expires: input.expiresSeconds,
    });
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      if (
        err instanceof NotFound ||
        err instanceof NoSuchKey ||
        (err as { name?: string }).name === 'NotFound'
      )
        return undefined;
      throw err;
    }
  }

  /** The first bytes of an object (for magic-byte checks); undefined when it does not exist. */
  async firstBytes(key: string, count: number): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${count - 1}` }),
      );
      const bytes = await out.Body!.transformToByteArray();
      return bytes.subarray(0, count);
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return undefined;
      throw err;
    }
  }

  /**
   * An uploaded object's size and first bytes, both asked at once (the checks of an upload: size, magic
   * bytes). An empty object has no first bytes: S3 answers the range request with 416 InvalidRange (s3rver
   * stalls, then drops the connection), which was a 500 before; its size alone decides then, without
   * waiting for that answer.
   */
  async headAndStart(key: string, count = 16): Promise<[ObjectHead | undefined, Uint8Array | undefined]> {
    const start = this.firstBytes(key, count).then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    );
    const head = await this.head(key);
    if (!head || head.size === 0) return [head, undefined];
    const read = await start;
    if ('bytes' in read) return [head, read.bytes];
    if ((read.error as { name?: string }).name === 'InvalidRange') return [head, undefined];
    throw read.error;
  }

  async copy(fromKey: string, toKey: string, metadata?: Record<string, string>): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: toKey,
        CopySource: `${this.bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
        ...(metadata ? { Metadata: metadata, MetadataDirective: 'REPLACE' } : {}),
      }),
    );
  }

  /** Sets an object's tags (the bucket's lifecycle rules filter on them); a missing object is skipped. */
  async tag(key: string, tags: Record<string, string>): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectTaggingCommand({
          Bucket: this.bucket,
          Key: key,
          Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
        }),
      );
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return;
      throw err;
    }
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await out.Body!.transformToByteArray();
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey') return undefined;
      throw err;
    }
  }

  /** A short-lived link that shows the object in the browser (an image), rather than downloading it. */
  viewUrl(key: string, expiresSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: expiresSeconds,
    });
  }

  /** A short-lived download link that names the file with its original (Vietnamese) name, RFC 5987. */
  downloadUrl(key: string, fileName: string, expiresSeconds: number): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentDisposition: contentDisposition(fileName),
      }),
      { expiresIn: expiresSeconds },
    );
  }
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name in `filename*` (RFC 5987/6266). */
export function contentDisposition(fileName: string): string {
  const nfc = fileName.normalize('NFC');
  const ascii = nfc
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(nfc).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
