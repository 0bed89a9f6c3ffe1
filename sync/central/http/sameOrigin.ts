import type { FastifyRequest } from 'fastify';

/**
 * A form post must come from one of our own pages. Browsers say where a
 * request comes from (Sec-Fetch-Site, Origin), and a cross-site form post
 * cannot hide either; the staff forms also carry a per-session token, and the
 * session cookie is SameSite=Strict. Clients that send neither header (curl,
 * scripts) are not browsers and carry no one's cookies by accident.
 */
export function isSameOriginPost(request: FastifyRequest): boolean {
  // Every current browser sends Sec-Fetch-Site; with it, nothing else is needed. (Origin alone is not
  // enough: under our Referrer-Policy no-referrer, browsers send "Origin: null" even on same-origin form posts.)
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = request.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
