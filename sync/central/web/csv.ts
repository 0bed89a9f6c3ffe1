/**
 * One CSV cell. A leading = + - @ would be a formula in a spreadsheet: it is
 * prefixed with ' (OWASP CSV injection); quotes, commas and newlines are quoted.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
