import { createStatusSource } from '../../core/status';
import { trustList } from './trust';

/**
 * Issuers' status lists for mark checks, kept for the worker's life: each fetched whole (no cookies, so the issuer
 * learns nothing about the shopper or the shop), verified, reused until its own expiry or an hour.
 */
export const markStatus = createStatusSource({
  fetch: (url) => fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer' }),
  now: Date.now,
  trust: trustList,
});
