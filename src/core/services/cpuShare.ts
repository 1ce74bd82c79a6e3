import type { FunctionConfig } from '../scenario/types';

/**
 * CPU in proportion to memory (lambda-facts.md §3.6): "at 1,769 MB, a function has the
 * equivalent of one vCPU" [DOC configuration-memory]. Below that the function gets a share
 * of a vCPU, so the CPU-bound part of its work takes 1,769 / memoryMb times longer; above it,
 * single-threaded work runs no faster (more vCPUs help only parallel code) [DOC]. Time spent
 * waiting (I/O, downstream calls) does not scale. With f the function's `cpuBoundFraction`
 * and t₁ its time at one vCPU or more (its `durationMs` / `initMs`):
 *
 *   t(m) = t₁ × ((1 − f) + f / min(1, m / 1769))        (an Amdahl-style split [INF])
 *
 * It applies to the handler and to the function's own Init code, not to the runtime's
 * bootstrap: lambda-perf's hello-world Init barely changes from 128 to 1,024 MB [OBS].
 */
export const MB_PER_VCPU = 1769;

/** How many times longer the function's CPU-bound work takes at its memory size (≥ 1). */
export function cpuSlowdown(cfg: Pick<FunctionConfig, 'memoryMb' | 'cpuBoundFraction'>): number {
  const share = Math.min(1, cfg.memoryMb / MB_PER_VCPU);
  return 1 - cfg.cpuBoundFraction + cfg.cpuBoundFraction / share;
}

/** vCPUs the function's memory buys (a share below 1; at most 6 at 10,240 MB) [DOC]. */
export function vcpus(memoryMb: number): number {
  return Math.min(6, memoryMb / MB_PER_VCPU);
}
