/**
 * Phone form posts are limited per address. Loose enough for a branch's
 * visitors behind one Wi-Fi address or a mobile operator's shared address
 * (each flow is a handful of posts), tight enough that a script is slowed.
 */
export const PHONE_POST_LIMIT = { rateLimit: { max: 120, timeWindow: '1 minute' } };
/** Pages: as the other public pages. */
export const PHONE_PAGE_LIMIT = { rateLimit: { max: 300, timeWindow: '1 minute' } };
