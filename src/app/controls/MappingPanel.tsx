import { useState } from 'react';
import type { EventSourceView } from '../../core';
import { request } from '../simClient';
import { notify } from '../store/uiStore';
import { useLiveFrame } from '../views/useLiveFrame';

/**
 * The run's event source mappings, changed live through the same control-plane calls AWS has
 * (UpdateEventSourceMapping: Enabled, BatchSize, ScalingConfig.MaximumConcurrency,
 * FunctionResponseTypes; DeleteEventSourceMapping), each recorded as a user input like any
 * other, with the mapping's state (Updating, Disabling, … take a few seconds) and its counts.
 * Nothing without mappings.
 */
export function MappingPanel() {
  const [, frame] = useLiveFrame(4);
  const list = frame?.eventSources ?? [];
  if (list.length === 0) return null;
  return (
    <section className="panel mappings" aria-labelledby="mappings-h" data-testid="mappings">
      <h2 id="mappings-h">Event source mappings</h2>
      {list.slice(0, 8).map((e) => <Mapping key={`${e.index}:${e.name}`} e={e} />)}
    </section>
  );
}

const RULES = {
  batchSize: (v: string, e: EventSourceView) => {
    const max = e.type === 'sqs-fifo' ? 10 : 10_000; // [DOC] with-sqs, with-kinesis, with-ddb: BatchSize maxima
    return /^\d+$/.test(v) && +v >= 1 && +v <= max ? null : `an integer from 1 to ${max.toLocaleString('en-US')}`;
  },
  maxConcurrency: (v: string) => (v === '' || (/^\d+$/.test(v) && +v >= 2 && +v <= 1000) ? null : 'empty (none) or an integer from 2 to 1000'), // [DOC] services-sqs-scaling
};

function Mapping({ e }: { e: EventSourceView }) {
  const sqs = e.type === 'sqs' || e.type === 'sqs-fifo';
  const [batch, setBatch] = useState(String(e.batchSize));
  const [maxC, setMaxC] = useState(e.maximumConcurrency === null ? '' : String(e.maximumConcurrency));
  const errs = { batchSize: RULES.batchSize(batch, e), maxConcurrency: sqs ? RULES.maxConcurrency(maxC) : null };
  const call = async (c: Record<string, unknown> & { action: string }) => {
    const r = await request({ type: 'controlPlane', call: { function: e.function, name: e.name, ...c } });
    if (!r.ok) notify(r.message ?? `${c.action} failed`, 'error');
  };
  const gone = e.state === 'Deleting' || e.state === 'Deleted';
  const update = () => call({
    action: 'UpdateEventSourceMapping', batchSize: +batch,
    ...(sqs && maxC !== '' ? { scalingConfig: { maximumConcurrency: +maxC } } : {}),
  });
  const t = (s: string) => `mapping.${e.index}.${s}`;
  return (
    <div className="mapping" data-testid={t('row')} data-state={e.state}>
      <h3>{e.name} <small>{e.type} → {e.function} · <b data-testid={t('state')}>{e.state}</b></small></h3>
      <p className="mapping-counts" data-testid={t('counts')}>
        {e.received.toLocaleString('en-US')} received · {e.deleted.toLocaleString('en-US')} {sqs ? 'deleted' : 'checkpointed'} · {e.toDlq.toLocaleString('en-US')} {sqs ? 'to DLQ' : 'to destination'}
        {e.expired ? ` · ${e.expired.toLocaleString('en-US')} expired` : ''} · {e.concurrency} / {e.limit} batches
      </p>
      <div className="field">
        <label>Batch size <input data-testid={t('batchSize')} value={batch} onChange={(x) => setBatch(x.target.value)} size={6} aria-invalid={!!errs.batchSize} /></label>
        {errs.batchSize && <span className="field-error" role="alert">Must be {errs.batchSize}.</span>}
      </div>
      {sqs && (
        <div className="field">
          <label>Maximum concurrency <input data-testid={t('maxConcurrency')} value={maxC} onChange={(x) => setMaxC(x.target.value)} size={5} placeholder="none" aria-invalid={!!errs.maxConcurrency} /></label>
          {errs.maxConcurrency && <span className="field-error" role="alert">Must be {errs.maxConcurrency}.</span>}
        </div>
      )}
      <div className="buttons">
        <button data-testid={t('update')} disabled={gone || !!errs.batchSize || !!errs.maxConcurrency} onClick={update}>Update</button>
        <button data-testid={t('toggle')} disabled={gone} onClick={() => call({ action: 'UpdateEventSourceMapping', enabled: e.state === 'Disabled' || e.state === 'Disabling' })}>
          {e.state === 'Disabled' || e.state === 'Disabling' ? 'Enable' : 'Disable'}
        </button>
        {sqs && <button data-testid={t('partial')} disabled={gone} onClick={() => call({ action: 'UpdateEventSourceMapping', functionResponseTypes: e.reportBatchItemFailures ? [] : ['ReportBatchItemFailures'] })}>
          {e.reportBatchItemFailures ? 'Whole-batch failures' : 'ReportBatchItemFailures'}
        </button>}
        <button data-testid={t('delete')} disabled={gone} onClick={() => call({ action: 'DeleteEventSourceMapping' })}>Delete</button>
      </div>
    </div>
  );
}
