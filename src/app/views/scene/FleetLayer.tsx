import { SCENE_ENV_PHASES, type FrameView } from '../../../core';
import type { Rect } from './layout';
import type { FleetLayout, Host } from './fleetLayout';
import { Part, type Focus } from './Part';
import { PHASE_STYLE } from './palette';
import { age, count } from './format';
import { T, fitText, textWidth } from './text';
import type { Selection } from '../../store/uiStore';
import { memoBy } from './memoBy';

// Lease bars move slowly: a re-render when a second of the run has passed is enough for them.
export const FleetLayer = memoBy(FleetView, ({ frame: f, fk, cells, selected, phases, fleet }) =>
  `${fk}|${cells}|${selected?.kind}:${selected?.id}|${phases}|${fleet.cell}|${fleet.hosts.map((h) => `${h.id}:${h.state}:${h.pool}:${h.booting}:${h.envs.length}`).join(',')}|${Math.floor(f.timeMs / 1000)}`);

/**
 * The worker fleet: hosts (workers) with their Firecracker microVMs inside. Each host shows
 * its lease (elapsed, with the drain point), its pre-booted pool slots (dashed) and refills
 * booting; draining hosts are dashed, failed ones crossed out. microVMs are drawn here in SVG
 * when few; beyond that the canvas layer draws them (FleetCanvas) and this draws the hosts.
 */
function FleetView({ rect, frame, fleet, focus, cells, selected }: { rect: Rect; frame: FrameView; fleet: FleetLayout; focus: Focus; fk: string; cells: boolean; selected: Selection; phases: number }) {
  const e = frame.environments;
  const sv = frame.scene;
  const visible = fleet.hosts.reduce((n, h) => n + h.envs.length, 0);
  // A large cell lists only the workers that matter (the rest are empty): say how many exist.
  const all = frame.fleet.workers;
  const sub = `${all} workers${all > sv.workers.length ? ` (${sv.workers.length} shown)` : ''} · ${count(visible)} microVMs`;
  return (
    <Part name="worker" rect={rect} label="Worker fleet" focus={focus('worker') === 'off' && focus('microvm') === 'on' ? 'none' : focus('worker')}>
      <text x={rect.x + 16} y={rect.y + 66} className="part-sub" fontSize={T.small}>{sub} · {frame.fleet.vmm === 'qemu' ? 'QEMU-like VMM' : 'Firecracker'}</text>
      {fleet.hosts.map((h) => <HostBox key={`${h.failed ? 'f' : 'w'}${h.id}`} h={h} frame={frame} fleet={fleet} cells={cells} focus={focus} selected={selected?.kind === 'worker' && selected.id === h.id} />)}
      {cells && !fleet.aggregate && fleet.hosts.flatMap((h) => h.envs.map((i, s) => {
        const phase = SCENE_ENV_PHASES[sv.envPhase[i]];
        const st = PHASE_STYLE[phase];
        const c = fleet.cell;
        const x = h.gx + (s % h.cols) * c, y = h.gy + Math.floor(s / h.cols) * c;
        const id = e.id[i];
        return (
          <g key={id} data-component="microvm" data-env={id} data-phase={phase} className={`microvm focus-${focus('microvm')}`}>
            <title>{`env-${id} · ${frame.functions[e.fn[i]]?.name}:${e.version[i]} · ${st.label}${e.provisioned[i] ? ' · provisioned' : ''} · worker-${h.id}`}</title>
            <rect x={x + 2} y={y + 2} width={c - 4} height={c - 4} rx={Math.min(8, c / 5)} fill={st.color}
              className={`${e.provisioned[i] ? 'provisioned' : ''} ${selected?.kind === 'environment' && selected.id === id ? 'selected' : ''}`} />
            {c >= 30 && <text x={x + c / 2} y={y + c / 2 + 7} textAnchor="middle" className={st.dark ? 'vm-glyph on-dark' : 'vm-glyph'} fontSize={T.small}>{st.glyph}</text>}
          </g>
        );
      }))}
    </Part>
  );
}

function HostBox({ h, frame, fleet, cells, focus, selected }: { h: Host; frame: FrameView; fleet: FleetLayout; cells: boolean; focus: Focus; selected: boolean }) {
  const now = frame.timeMs;
  const c = fleet.cell;
  const lease = Number.isFinite(h.leaseEndMs) ? Math.min(1, Math.max(0, (now - h.leaseStartMs) / (h.leaseEndMs - h.leaseStartMs))) : 0;
  const drain = Number.isFinite(h.drainAtMs) ? (h.drainAtMs - h.leaseStartMs) / (h.leaseEndMs - h.leaseStartMs) : 1;
  const bw = Math.max(0, h.w - 16); // a host in a very large cell can be narrower than its margins
  const label = h.failed ? `worker-${h.id} failed` : `worker-${h.id}${h.state === 'Draining' ? ' · draining' : ''}`;
  const slots = h.envs.length;
  return (
    <g data-component="worker" data-worker={h.id} data-state={h.state} className={`host ${h.state} ${selected ? 'selected' : ''} focus-${focus('worker')}`}>
      <title>{h.failed ? `worker-${h.id} failed: its environments are gone` : `worker-${h.id} · ${h.state} · ${h.envs.length} environments · pool ${h.pool}${h.booting ? ` (+${h.booting} booting)` : ''} · lease ends in ${age(h.leaseEndMs - now)}`}</title>
      <rect x={h.x} y={h.y} width={h.w} height={h.h} rx={10} className="host-box" />
      {h.showLabel && <text x={h.x + 10} y={h.y + 27} className="host-title" fontSize={T.sub} data-label={label}>{fitText(label, T.sub, h.w - 20)}</text>}
      {h.showLabel && !h.failed && textWidth(label, T.sub, true) + textWidth(`pool ${h.pool}`, T.small) + 36 < h.w && <text x={h.x + h.w - 10} y={h.y + 27} textAnchor="end" className="host-sub" fontSize={T.small}>pool {h.pool}</text>}
      {!h.failed && (
        <g className="lease">
          <rect x={h.x + 8} y={h.y + (h.showLabel ? 40 : 4)} width={bw} height={6} className="lease-bg" />
          <rect x={h.x + 8} y={h.y + (h.showLabel ? 40 : 4)} width={bw * lease} height={6} className={lease >= drain ? 'lease-used draining' : 'lease-used'} />
          <line x1={h.x + 8 + bw * drain} x2={h.x + 8 + bw * drain} y1={h.y + (h.showLabel ? 36 : 2)} y2={h.y + (h.showLabel ? 50 : 12)} className="lease-drain" />
        </g>
      )}
      {h.failed && <path d={`M${h.x + 12},${h.y + 12}L${h.x + h.w - 12},${h.y + h.h - 12}M${h.x + h.w - 12},${h.y + 12}L${h.x + 12},${h.y + h.h - 12}`} className="host-failed" />}
      {cells && !fleet.aggregate && !h.failed && Array.from({ length: Math.min(h.pool + h.booting, 400) }, (_, k) => {
        const s = slots + k;
        const x = h.gx + (s % h.cols) * c, y = h.gy + Math.floor(s / h.cols) * c;
        if (y + c > h.y + h.h) return null;
        return <rect key={k} x={x + 3} y={y + 3} width={c - 6} height={c - 6} rx={Math.min(8, c / 5)} className={k < h.pool ? 'pool-slot' : 'pool-slot booting'} data-pool={k < h.pool ? 'ready' : 'booting'} />;
      })}
      {fleet.aggregate && !h.failed && <Aggregate h={h} frame={frame} />}
    </g>
  );
}

/** One stacked bar of phases for a host whose microVMs are too many to draw one by one. */
function Aggregate({ h, frame }: { h: Host; frame: FrameView }) {
  const counts = new Map<number, number>();
  for (const i of h.envs) counts.set(frame.scene.envPhase[i], (counts.get(frame.scene.envPhase[i]) ?? 0) + 1);
  const total = Math.max(1, h.envs.length);
  const y = h.gy + 4, bh = Math.max(8, Math.min(40, h.h - (h.gy - h.y) - 36));
  let x = h.x + 8;
  return (
    <g>
      {[...counts.entries()].sort((a, b) => a[0] - b[0]).map(([code, n]) => {
        const w = (Math.max(0, h.w - 16) * n) / total;
        const el = <rect key={code} x={x} y={y} width={w} height={bh} fill={PHASE_STYLE[SCENE_ENV_PHASES[code]].color}><title>{`${n} ${PHASE_STYLE[SCENE_ENV_PHASES[code]].label}`}</title></rect>;
        x += w;
        return el;
      })}
      {h.showLabel && <text x={h.x + 10} y={y + bh + 26} className="host-sub" fontSize={T.small}>{count(h.envs.length)} microVMs</text>}
    </g>
  );
}
