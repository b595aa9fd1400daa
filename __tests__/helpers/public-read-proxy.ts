/**
 * A proxy in front of moto_server that enforces what S3 enforces for unsigned (anonymous)
 * requests, which moto itself does not: an unsigned GET/HEAD of an object succeeds only when its
 * ACL grants everyone READ; any other unsigned request is refused. The ACL of each key is tracked
 * from the successful writes the proxy forwards (PutObject with or without x-amz-acl, and
 * PutObjectAcl), so every write must go through the proxy. `blockPublicAccess` refuses every
 * unsigned read, as S3's Block Public Access does whatever the ACL says.
 */
import { startS3Proxy, type ProxiedRequest, type S3Proxy } from './s3-proxy.js';

export interface PublicReadProxy extends S3Proxy {
  /** Unsigned requests seen, and whether each was let through. */
  anonymous(): { method: string; path: string; allowed: boolean }[];
  blockPublicAccess: boolean;
}

function signed(request: ProxiedRequest): boolean {
  return request.headers.authorization !== undefined || /[?&]X-Amz-Signature=/i.test(request.url);
}

function query(request: ProxiedRequest): URLSearchParams {
  return new URL(request.url, 'http://proxy').searchParams;
}

export async function startPublicReadProxy(target: string): Promise<PublicReadProxy> {
  const seen: { method: string; path: string; allowed: boolean }[] = [];
  const holder: { proxy?: S3Proxy } = {};
  const state = { blockPublicAccess: false };

  /** The ACL of `path` after the successful writes seen so far (private by default). */
  const isPublic = (path: string): boolean => {
    let open = false;
    for (const request of holder.proxy?.requests ?? []) {
      if (request.path !== path || request.method !== 'PUT') continue;
      if (request.status === undefined || request.status >= 300) continue;
      const acl = request.headers['x-amz-acl'];
      // PutObject and PutObjectAcl alike: the canned ACL header decides (none = private).
      open = acl === 'public-read';
    }
    return open;
  };

  const proxy = await startS3Proxy(target, {
    refuse: (request) => {
      if (signed(request)) return undefined;
      const read = request.method === 'GET' || request.method === 'HEAD';
      const isObject = request.path.split('/').filter(Boolean).length >= 2;
      const allowed =
        read && isObject && !query(request).has('acl') && !state.blockPublicAccess
          ? isPublic(request.path)
          : false;
      seen.push({ method: request.method, path: request.path, allowed });
      return allowed ? undefined : { status: 403, code: 'AccessDenied', message: 'Access Denied' };
    },
  });
  holder.proxy = proxy;
  const result = proxy as PublicReadProxy;
  result.anonymous = () => seen;
  Object.defineProperty(result, 'blockPublicAccess', {
    get: () => state.blockPublicAccess,
    set: (value: boolean) => (state.blockPublicAccess = value),
  });
  return result;
}
