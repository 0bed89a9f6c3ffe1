import type { Locator } from '@playwright/test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose types declare an ES default export: under NodeNext the default import is the
// module object, and the function is its `default` (which the module also sets).
const jsQR = jsQRModule.default;

/**
 * The text of a QR code as a phone camera would read it: the element is
 * photographed as Chromium draws it, and the pixels are decoded (jsQR). A
 * code a reader cannot decode fails here, not on a citizen's phone.
 */
export async function readQr(element: Locator): Promise<string> {
  const png = PNG.sync.read(await element.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) throw new Error('no QR code could be read from the element');
  return found.data;
}
