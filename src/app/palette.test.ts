import { describe, expect, it } from 'vitest';
import { PHASES, STATE_STYLE } from './palette';
import { closestPair } from './colorVision';

describe('colours people can tell apart', () => {
  it('every timeline phase has its own colour, distinct with any colour vision (ΔE ≥ 15)', () => {
    const colors = PHASES.map((p) => p.color.toUpperCase());
    expect(new Set(colors).size).toBe(colors.length);
    const worst = closestPair(colors);
    expect(worst.deltaE, `${worst.a} vs ${worst.b} (${worst.vision})`).toBeGreaterThanOrEqual(15);
  });

  it('the Init phases, SnapStart restore and Invoke match the environment states they are', () => {
    const color = (k: string) => PHASES.find((p) => p.key === k)!.color;
    expect(color('extension')).toBe(STATE_STYLE['Initializing.ExtensionInit'].color);
    expect(color('runtime')).toBe(STATE_STYLE['Initializing.RuntimeInit'].color);
    expect(color('function')).toBe(STATE_STYLE['Initializing.FunctionInit'].color);
    expect(color('restore')).toBe(STATE_STYLE.Restoring.color);
    expect(color('invoke')).toBe(STATE_STYLE.Invoking.color);
  });
});
