import type { S3Client } from '@aws-sdk/client-s3';

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
}

/**
 * S3 names a bucket's region in the `x-amz-bucket-region` header of its redirect (301) and
 * wrong-region (400) answers, even a HEAD's, which has no body; the SDK drops headers from the
 * errors it throws. This copies the header onto the error as `BucketRegion`, so describeS3Error
 * can say which region to set. Two middlewares of one request share its context: the inner one
 * sees the raw answer, the outer one the error.
 */
export function captureBucketRegion(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const response = out.response as RawResponse | undefined;
      const region = response?.headers?.['x-amz-bucket-region'];
      if (region && (response?.statusCode ?? 200) >= 300) {
        Object.assign(context, { bucketRegion: region });
      }
      return out;
    },
    { step: 'deserialize', priority: 'low', name: 'algorithmiaBucketRegionRead' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const region = (context as { bucketRegion?: unknown }).bucketRegion;
        if (typeof region === 'string' && typeof error === 'object' && error !== null) {
          Object.assign(error, { BucketRegion: region });
        }
        throw error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'algorithmiaBucketRegionAttach' },
  );
}
