import { encode } from 'uqr';
import { escapeHtml } from './html.js';

/** A desk card's QR code: the modules, and the text they hold. */
export interface DeskQr {
  readonly text: string;
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly dark: readonly (readonly boolean[])[];
}

/** Modules of white around the code, as the QR standard asks: phones read it reliably. */
export const QUIET_ZONE = 4;

/**
 * The desk's URL in capitals (scheme and host are case-insensitive, our desk
 * paths are capitals already), so the whole URL is QR alphanumeric mode: the
 * smallest code for it, hence the largest modules on a small card. Error
 * correction M survives a scratched or stained card.
 */
export function deskQr(publicUrl: string, deskCode: string): DeskQr {
  return textQr(`${publicUrl.replace(/\/+$/, '')}/D/${deskCode}`.toUpperCase());
}

/** Any short text as a QR code (error correction M): an enrolment token for a kiosk's token entry. */
export function textQr(text: string): DeskQr {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  return { text, size, dark: data };
}

/** The code as an SVG path, quiet zone included, `widthMm` wide when printed. */
export function deskQrSvg(qr: DeskQr, widthMm: number, label: string): string {
  const modules = qr.size + 2 * QUIET_ZONE;
  const parts: string[] = [];
  qr.dark.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`)));
  return `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" width="${widthMm}mm" height="${widthMm}mm" viewBox="0 0 ${modules} ${modules}" shape-rendering="crispEdges"><rect width="${modules}" height="${modules}" fill="#fff"/><path d="${parts.join('')}" fill="#000"/></svg>`;
}
