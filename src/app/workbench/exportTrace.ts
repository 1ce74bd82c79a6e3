import { download } from '../exports';
import { notify } from '../store/uiStore';
import { wb } from './wbClient';

/** Saves the run as a Perfetto / Chrome trace (open it at ui.perfetto.dev) or as OTLP/JSON spans. */
export async function exportTrace(format: 'perfetto' | 'otlp'): Promise<void> {
  try {
    const r = await wb({ type: 'wb.export', format }, 'export');
    download(r.name, r.text, 'application/json');
    notify(`${r.name}: ${r.invocations} invocations${r.truncated ? ' (the first ones: the file stops at 100,000)' : ''}${format === 'perfetto' ? ' — open it at ui.perfetto.dev' : ''}`, 'info');
  } catch (e) {
    notify(`Export failed: ${(e as Error).message}`, 'error');
  }
}
