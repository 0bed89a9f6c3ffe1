import { parseTrackingCode } from '../../protocol/trackingCode.js';

/** One named string from a parsed query, params object or form body; undefined when absent or not a string. */
export function fieldOf(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : undefined;
}

/** A named field that a form may post several times (a group of checkboxes) as a list: [] when absent, one item when posted once. */
export function fieldListOf(value: unknown, name: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const field = (value as Record<string, unknown>)[name];
  return Array.isArray(field) ? field.filter((item): item is string => typeof item === 'string') : typeof field === 'string' ? [field] : [];
}

/** The tracking code in a route's `:code`, normalised as a visitor types it (case, dashes, I/L/O), or undefined. */
export function trackingCodeParam(params: unknown): string | undefined {
  const parsed = parseTrackingCode(fieldOf(params, 'code')?.slice(0, 40) ?? '');
  return 'code' in parsed ? parsed.code : undefined;
}
