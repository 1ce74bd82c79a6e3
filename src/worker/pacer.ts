/**
 * Wall-clock pacing: the only place in the simulation stack that reads the wall clock.
 * Turns elapsed wall time × speed into a virtual-time target; the session runs the core up
 * to it, within a per-tick work budget so the worker stays responsive.
 */
export class Pacer {
  private lastWallMs = 0;
  speed = 1; // virtual ms per wall ms; Infinity = as fast as possible

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(): void {
    this.lastWallMs = this.now();
  }

  /** Virtual ms to advance for the wall time since the last call (capped to avoid jumps after a stall). */
  advance(): number {
    const t = this.now();
    const dt = Math.min(250, t - this.lastWallMs);
    this.lastWallMs = t;
    return this.speed === Infinity ? Infinity : dt * this.speed;
  }

  /** Wall-clock deadline for this tick's work. */
  budget(ms: number): number {
    return this.now() + ms;
  }

  wallNow(): number {
    return this.now();
  }
}
