/** A catalogue string's `{{name}}` placeholders filled (i18next's syntax, without i18next on the server). */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
