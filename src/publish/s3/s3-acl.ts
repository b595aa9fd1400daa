/**
 * Brings an existing object's ACL to the one `s3-acl` asks for. An identical object is never
 * uploaded again, so without this a re-run with `s3-acl: public-read` over bytes published
 * private would say "already published" and leave them unreadable to the platform.
 */
import type { GetObjectAclCommandOutput } from '@aws-sdk/client-s3';

import type { Log } from '../../log/log.js';
import { s3Uri, type S3Acl } from './s3-plan.js';
import type { S3Session } from './s3-session.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

/** Pure: does the ACL grant everyone READ (what `public-read` gives)? */
export function isPublicRead(acl: Pick<GetObjectAclCommandOutput, 'Grants'>): boolean {
  return (acl.Grants ?? []).some(
    (grant) =>
      grant.Grantee?.Type === 'Group' &&
      grant.Grantee.URI === ALL_USERS &&
      (grant.Permission === 'READ' || grant.Permission === 'FULL_CONTROL'),
  );
}

export type AclChange = 'unchanged' | 'made-public' | 'made-private';

/**
 * Reads the object's ACL and puts the canned one `acl` names when it differs. Errors are thrown
 * as the SDK raised them, tagged with the operation, for describeS3Error.
 */
export async function alignObjectAcl(options: {
  session: S3Session;
  bucket: string;
  key: string;
  acl: S3Acl;
  log: Log;
  signal?: AbortSignal;
}): Promise<AclChange> {
  const { session, bucket, key, acl, log, signal } = options;
  const current = await session.send('GetObjectAcl', { Bucket: bucket, Key: key }, { signal });
  const isPublic = isPublicRead(current);
  if (isPublic === (acl === 'public-read')) return 'unchanged';
  await session.send('PutObjectAcl', { Bucket: bucket, Key: key, ACL: acl }, { signal });
  log.info(
    `${s3Uri(bucket, key)}: ACL brought to ${acl} as s3-acl asks (it was ` +
      `${isPublic ? 'public-read' : 'private'}).`,
  );
  return acl === 'public-read' ? 'made-public' : 'made-private';
}
