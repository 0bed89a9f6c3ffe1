import { encode } from 'uqr';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG squares (uqr computes the modules; nothing is
 * injected as markup). Black on white with the standard 4-module quiet zone,
 * whatever the kiosk's colour mode, so every phone camera reads it.
 */
export function QrCode({ text, label, size = 280 }: { readonly text: string; readonly label: string; readonly size?: number }) {
  const path = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 0 });
    const parts: string[] = [];
    data.forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x + 4} ${y + 4}h1v1h-1z`)));
    return { d: parts.join(''), modules: data.length + 8 };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${path.modules} ${path.modules}`}
      shapeRendering="crispEdges"
    >
      <rect width={path.modules} height={path.modules} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
