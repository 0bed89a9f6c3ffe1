/** A form as a browser posts it: each field once, a group of checkboxes once per checked value. */
export function formBody(fields: Readonly<Record<string, string | readonly string[]>>): string {
  return new URLSearchParams(
    Object.entries(fields).flatMap(([name, value]): Array<[string, string]> =>
      typeof value === 'string' ? [[name, value]] : value.map((item) => [name, item]),
    ),
  ).toString();
}
