import type { Dist } from '../engine/distributions';
import { ln } from '../engine/fmath';

/**
 * In-sandbox Init Duration of a hello-world function by runtime: p50 and p90 in ms, x86_64,
 * zip and container image, from maxday/lambda-perf (data/last.json, 2026-08-22), as
 * summarised in reference/lambda-facts.md §3.3 [OBS]. A real application adds its own
 * function init on top (set `initMs`).
 */
export interface RuntimePreset {
  label: string;
  zip: [p50: number, p90: number];
  image: [p50: number, p90: number];
  /** arm64 (Graviton), zip, p50 and p90 (same source). Images on arm64: the x86 image scaled by arm64 ÷ x86 zip [INF]. */
  arm64: [p50: number, p90: number];
}

export const RUNTIMES: Record<string, RuntimePreset> = {
  'nodejs20.x': { label: 'Node.js 20', zip: [139, 149], image: [240, 362], arm64: [132, 138] },
  'nodejs22.x': { label: 'Node.js 22', zip: [139, 155], image: [283, 495], arm64: [130, 137] },
  'nodejs24.x': { label: 'Node.js 24', zip: [135, 155], image: [248, 416], arm64: [122, 131] },
  'python3.12': { label: 'Python 3.12', zip: [83, 93], image: [154, 307], arm64: [82, 87] },
  'python3.13': { label: 'Python 3.13', zip: [85, 100], image: [155, 257], arm64: [81, 86] },
  'python3.14': { label: 'Python 3.14', zip: [103, 110], image: [166, 294], arm64: [101, 105] },
  'java21': { label: 'Java 21', zip: [238, 251], image: [340, 482], arm64: [257, 273] },
  'java25': { label: 'Java 25', zip: [184, 210], image: [225, 290], arm64: [199, 215] },
  'dotnet8': { label: '.NET 8', zip: [247, 289], image: [410, 698], arm64: [295, 334] },
  'dotnet10': { label: '.NET 10', zip: [241, 267], image: [362, 447], arm64: [251, 277] },
  'ruby3.4': { label: 'Ruby 3.4', zip: [232, 325], image: [259, 332], arm64: [235, 390] },
  'provided.al2023': { label: 'Go on provided.al2023', zip: [50, 52], image: [48, 85], arm64: [43, 45] },
  'provided.al2023-rust': { label: 'Rust on provided.al2023', zip: [15, 17], image: [36, 55], arm64: [14, 15] },
};

/** The share of a hello-world Init that is the runtime bootstrapping itself [INF]. */
export const RUNTIME_SHARE_OF_INIT = 0.8;

const Z90 = 1.2815515655446004; // standard normal quantile at 0.9

/** A lognormal matching the preset's p50 and p90 for the package type and architecture. */
export function presetInitDist(runtime: string, packageType: 'zip' | 'image', architecture: 'x86_64' | 'arm64' = 'x86_64'): Dist {
  const [p50, p90] = presetQuantiles(runtime, packageType, architecture);
  return { dist: 'lognormal', median: p50, sigma: ln(p90 / p50) / Z90 };
}

function presetQuantiles(runtime: string, packageType: 'zip' | 'image', architecture: 'x86_64' | 'arm64'): [number, number] {
  const preset = RUNTIMES[runtime];
  if (architecture === 'x86_64') return preset[packageType];
  if (packageType === 'zip') return preset.arm64;
  const ratio = preset.arm64[0] / preset.zip[0];
  return [preset.image[0] * ratio, preset.image[1] * ratio];
}

/** Median runtime-bootstrap time: the part of Init that is not the function's own code [INF]. */
export function runtimeBootstrapMs(runtime: string, packageType: 'zip' | 'image', architecture: 'x86_64' | 'arm64' = 'x86_64'): number {
  return presetQuantiles(runtime, packageType, architecture)[0] * RUNTIME_SHARE_OF_INIT;
}

/**
 * Zip code download before Init: ≈ 5 + 2 ms per MB zipped (lambda-facts.md §3.2, [INF],
 * fitted to rough third-party figures).
 */
export function zipDownloadMs(sizeMb: number): number {
  return 5 + 2 * sizeMb;
}
