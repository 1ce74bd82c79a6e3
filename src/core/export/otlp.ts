import type { Invocation } from '../model/records';
import { invocationPhases } from './phases';

/**
 * A run as OpenTelemetry spans in OTLP/JSON (the `ExportTraceServiceRequest` JSON
 * encoding: ids as lowercase hex, times as decimal strings of Unix nanoseconds). Each
 * invocation is one trace: a SERVER span from receipt to response, with a child span per
 * phase (see phases.ts). Virtual time is written as time since the Unix epoch — the run
 * starts at 1970-01-01T00:00:00Z — so the numbers read as simulated, not wall, time.
 * Ids are derived from the seed and the invocation id: the same run gives the same file.
 */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: string; boolValue?: boolean } }[];
}

const SPAN_KIND_INTERNAL = 1;
const SPAN_KIND_SERVER = 2;
/** 2^48 = 281,474,976,710,656: the seed part of a trace id. */
const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0').slice(-width);
const nanos = (ms: number) => BigInt(Math.round(ms * 1e6)).toString();

export function invocationSpans(inv: Invocation, functionName: string, seed: number): OtlpSpan[] {
  const traceId = hex(seed % 281_474_976_710_656, 16) + hex(inv.id, 16);
  const root = hex(inv.id, 12) + '0000';
  const p = invocationPhases(inv);
  const start = p.request[0]?.startMs ?? inv.receivedMs;
  const attrs: OtlpSpan['attributes'] = [
    { key: 'faas.invoked_name', value: { stringValue: functionName } },
    { key: 'faas.coldstart', value: { boolValue: inv.cold } },
    { key: 'faas.invocation_id', value: { stringValue: `inv-${inv.id}` } },
    { key: 'lambdascope.state', value: { stringValue: inv.state } },
    { key: 'http.response.status_code', value: { intValue: String(inv.statusCode) } },
  ];
  if (inv.env) attrs.push({ key: 'lambdascope.environment', value: { stringValue: `env-${inv.env}` } }, { key: 'lambdascope.worker', value: { stringValue: `worker-${inv.worker}` } });
  const spans: OtlpSpan[] = [{
    traceId, spanId: root, name: `Invoke ${functionName}`, kind: SPAN_KIND_SERVER,
    startTimeUnixNano: nanos(start), endTimeUnixNano: nanos(Math.max(start, inv.respondedMs)), attributes: attrs,
  }];
  let k = 1;
  for (const s of [...p.request, ...p.environment]) {
    spans.push({ traceId, spanId: hex(inv.id, 12) + hex(k++, 4), parentSpanId: root, name: s.name, kind: SPAN_KIND_INTERNAL, startTimeUnixNano: nanos(s.startMs), endTimeUnixNano: nanos(s.endMs), attributes: [] });
  }
  return spans;
}

export const OTLP_HEAD = '{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"lambdascope"}}]},"scopeSpans":[{"scope":{"name":"lambdascope"},"spans":[\n';
export const OTLP_TAIL = '\n]}]}]}\n';
