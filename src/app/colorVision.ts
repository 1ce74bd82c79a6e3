/**
 * Colour distance as people with each kind of colour vision see it: sRGB → simulated
 * protanopia / deuteranopia / tritanopia (Machado, Oliveira & Fernandes 2009, severity 1)
 * → CIELAB, compared by CIE76 ΔE (about 2 is just noticeable; 10+ reads as different).
 */
const MATRICES: Record<'normal' | 'protan' | 'deutan' | 'tritan', number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
export type Vision = keyof typeof MATRICES;
export const VISIONS = Object.keys(MATRICES) as Vision[];

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB (D65) of a `#rrggbb` colour as seen with `vision`. */
export function labAs(hex: string, vision: Vision): [number, number, number] {
  const c = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = MATRICES[vision].map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047), y = f(0.2126 * r + 0.7152 * g + 0.0722 * b), z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

export function deltaE(a: string, b: string, vision: Vision): number {
  const p = labAs(a, vision), q = labAs(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The closest pair of `colors` for any kind of colour vision. */
export function closestPair(colors: string[]): { a: string; b: string; vision: Vision; deltaE: number } {
  let best = { a: '', b: '', vision: 'normal' as Vision, deltaE: Infinity };
  for (const v of VISIONS) {
    for (let i = 0; i < colors.length; i++) {
      for (let j = i + 1; j < colors.length; j++) {
        const d = deltaE(colors[i], colors[j], v);
        if (d < best.deltaE) best = { a: colors[i], b: colors[j], vision: v, deltaE: d };
      }
    }
  }
  return best;
}
