/**
 * What a kiosk's audio mode says of a screen's title before the screen's
 * first choice: the title without its closing remark in brackets ("(optional)",
 * "(at most 2)", a scale's ends), which waits until after that choice. The
 * kiosk speaks by it and Central's console measures editors' questions by it.
 */
export function splitAside(title: string): { readonly said: string; readonly aside?: string } {
  const match = /^(.+?)\s*\(([^()]+)\)$/u.exec(title.trim());
  return match?.[1] && match[2] ? { said: match[1], aside: match[2] } : { said: title };
}
