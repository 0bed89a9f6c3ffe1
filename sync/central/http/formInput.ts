import type { z } from 'zod';
import { success, type Outcome } from '../services/outcome.js';

/**
 * A form body or a query string read through its zod schema, as the kiosk API
 * reads its arguments: the value, or each problem naming its field. A missing
 * body reads as an empty form, so the schema decides what is required.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): Outcome<T> {
  const parsed = schema.safeParse(typeof input === 'object' && input !== null ? input : {});
  if (parsed.success) return success(parsed.data);
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(form)', message: issue.message })),
  };
}
