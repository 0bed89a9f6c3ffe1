import { parseTrackingCode } from '../../protocol/trackingCode.js';

/**
 * A NUL character is no part of any value of ours, and PostgreSQL's text refuses it (a query with one fails):
 * a field that holds one is treated as absent, so it is refused like any bad value, never a 500.
 */
const usable = (text: string): boolean => !text.includes('\u0000');

/** One named string from a parsed query, params object or form body; undefined when absent, not a string, or holding a NUL. */
export function fieldOf(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' && usable(field) ? field : undefined;
}

/** A named field that a form may post several times (a group of checkboxes) as a list: [] when absent, one item when posted once. */
export function fieldListOf(value: unknown, name: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const field = (value as Record<string, unknown>)[name];
  const items = Array.isArray(field) ? field : [field];
  return items.filter((item): item is string => typeof item === 'string' && usable(item));
}

/** The tracking code in a route's `:code`, normalised as a visitor types it (case, dashes, I/L/O), or undefined. */
export function trackingCodeParam(params: unknown): string | undefined {
  const parsed = parseTrackingCode(fieldOf(params, 'code')?.slice(0, 40) ?? '');
  return 'code' in parsed ? parsed.code : undefined;
}
