/**
 * PEP 592 yank of `name==version` in an index published with `s3-index`: writes
 * `<wheel>.yanked` (its body is the reason) beside each wheel of that version, conditionally
 * like every other write, then rebuilds the pages from the listing (s3-index.ts, conditional
 * writes). pip then skips the files for `name>=x` and installs them for `name==version` with a
 * warning. The wheels themselves are never touched.
 */
import { InputError, PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { normalizeProjectName } from '../../wheel/names.js';
import { normalizeVersion } from '../../wheel/version.js';
import { parseWheelFileName } from '../../wheel/names.js';
import { indexKeys } from './index-pages.js';
import { nextListToken } from './list-plan.js';
import { YANKED_SUFFIX, normalizeYankReason } from './index-sidecars.js';
import { isPublicRead } from '../s3/s3-acl.js';
import { describeIndexError } from './index-errors.js';
import { updateIndex, type IndexResult } from './index-update.js';
import { s3Uri, validateBucketName, validatePrefix, type S3Acl } from '../s3/s3-plan.js';
import { openS3Session, type S3ClientOptions } from '../s3/s3-session.js';
import { putSidecar } from '../s3/s3-sidecars.js';

export interface YankOptions extends S3ClientOptions {
  bucket: string;
  prefix: string;
  /** `name==version`. */
  requirement: string;
  reason: string;
  /** The pages' ACL; undefined = keep what the project page has. */
  acl?: S3Acl;
  /** The command's cancellation (Ctrl-C, SIGTERM): every request of the yank is aborted. */
  signal?: AbortSignal;
}

/** Pure: `name==version` -> its parts; anything else is an InputError. */
export function parsePinned(requirement: string): { name: string; version: string } {
  const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*==\s*([^\s,;=<>!~]+)\s*$/.exec(
    requirement,
  );
  if (!match) {
    throw new InputError(`"${requirement}" does not pin one version.`, {
      input: 'requirement',
      fix: 'name exactly one release as name==version, e.g. vecmath==1.2.0.',
    });
  }
  return { name: match[1]!, version: normalizeVersion(match[2]!, 'requirement') };
}

export async function yankRelease(
  options: YankOptions,
  log: Log,
): Promise<{ files: string[]; index: IndexResult }> {
  const bucket = validateBucketName(options.bucket);
  const prefix = validatePrefix(options.prefix);
  const { name, version } = parsePinned(options.requirement);
  const project = normalizeProjectName(name);
  const reason = normalizeYankReason(options.reason);
  // The yank command's one session: its cancellation reaches every request below.
  const session = await openS3Session(options, log, { signal: options.signal });
  const signal = session.deadline(5 * 60_000);
  const { region } = session;
  try {
    const files: string[] = [];
    let token: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await session.send(
        'ListObjectsV2',
        { Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token },
        { signal, key: prefix },
      );
      for (const object of page.Contents ?? []) {
        const parsed = parseWheelFileName((object.Key ?? '').slice(prefix.length));
        if (!parsed || parsed.project !== project) continue;
        let theirs: string;
        try {
          theirs = normalizeVersion(parsed.version.replace(/_/g, '-'));
        } catch {
          continue;
        }
        if (theirs === version) files.push(parsed.fileName);
      }
      token = nextListToken(page, seen, s3Uri(bucket, prefix));
    } while (token);
    if (files.length === 0) {
      throw new PublishError(`No wheel of ${project}==${version} under ${s3Uri(bucket, prefix)}.`, {
        input: 'requirement',
        fix: 'check the name, the version, --s3-bucket and --s3-prefix (the prefix the wheels were published under).',
      });
    }
    let acl = options.acl;
    if (!acl) {
      try {
        const current = await session.send(
          'GetObjectAcl',
          { Bucket: bucket, Key: indexKeys(prefix, project).project[0] },
          { signal },
        );
        acl = isPublicRead(current) ? 'public-read' : 'private';
      } catch {
        signal.throwIfAborted();
        acl = 'private';
      }
    }
    for (const file of files.sort()) {
      const status = await putSidecar({
        session,
        bucket,
        key: `${prefix}${file}${YANKED_SUFFIX}`,
        body: Buffer.from(reason, 'utf8'),
        contentType: 'text/plain; charset=utf-8',
        acl,
        log,
        signal,
      });
      log.info(
        `${file}: ${status === 'unchanged' ? 'already yanked for this reason' : 'yanked'}` +
          (reason ? ` ("${reason}")` : ''),
      );
    }
    const index = await updateIndex({
      session,
      bucket,
      prefix,
      acl,
      distribution: name,
      region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      log,
      signal,
    });
    return { files, index };
  } catch (error) {
    if (error instanceof InputError || error instanceof PublishError) throw error;
    session.signal.throwIfAborted();
    throw describeIndexError(error, {
      bucket,
      prefix,
      region,
      endpoint: options.endpoint,
      aborted: signal.aborted,
      secrets: session.secrets,
    });
  } finally {
    session.close();
  }
}
