/**
 * Injected faults (scenario `faults`, or live from the page). Windows are [fromMs, toMs).
 * - worker-failure: a worker vanishes with every environment on it; in-flight synchronous
 *   requests get a service error, in-flight async events go back to the queue.
 * - invoke-outage: the Frontend Invoke service is unavailable to clients (5xx); the async
 *   data plane is separate (CNS423) and keeps polling.
 * - slow-pollers: each poller receive takes `factor` times longer.
 * - init-failure: Init throws with probability `rate` (for one function, or all).
 */
export type Fault =
  | { type: 'worker-failure'; atMs: number; worker: 'any' | number }
  | { type: 'invoke-outage'; fromMs: number; toMs: number }
  | { type: 'slow-pollers'; fromMs: number; toMs: number; factor: number }
  | { type: 'init-failure'; fromMs: number; toMs: number; function: string | null; rate: number };

export type ControlPlaneCall =
  | { atMs: number; action: 'CreateFunction'; function: string; config: import('./types').FunctionConfig }
  | { atMs: number; action: 'UpdateFunctionCode'; function: string }
  | { atMs: number; action: 'UpdateFunctionConfiguration'; function: string; config: Partial<import('./types').FunctionConfig> }
  | { atMs: number; action: 'PublishVersion'; function: string }
  | { atMs: number; action: 'CreateAlias' | 'UpdateAlias'; function: string; name: string; functionVersion: string; additionalVersionWeights: Record<string, number> }
  | { atMs: number; action: 'PutFunctionConcurrency'; function: string; reservedConcurrency: number }
  | { atMs: number; action: 'DeleteFunctionConcurrency'; function: string }
  | { atMs: number; action: 'PutProvisionedConcurrencyConfig'; function: string; qualifier: string; provisionedConcurrentExecutions: number }
  | { atMs: number; action: 'DeleteProvisionedConcurrencyConfig'; function: string; qualifier: string }
  | { atMs: number; action: 'PutFunctionEventInvokeConfig'; function: string; maximumRetryAttempts?: number; maximumEventAgeMs?: number; onFailure?: 'dlq' | 'destination' | 'none'; onSuccess?: 'destination' | 'none' }
  | { atMs: number; action: 'DeleteFunction'; function: string }
  // Event source mappings (eventSources/mappingControl.ts); a mapping is named by its queue or stream.
  | { atMs: number; action: 'CreateEventSourceMapping'; function: string; eventSource: import('../eventSources/config').EventSourceConfig }
  | ({ atMs: number; action: 'UpdateEventSourceMapping'; function: string; name: string } & import('../eventSources/config').EventSourceMappingUpdate)
  | { atMs: number; action: 'DeleteEventSourceMapping'; function: string; name: string }
  | { atMs: number; action: 'PutFunctionRecursionConfig'; function: string; recursiveLoop: 'Allow' | 'Terminate' };

export const CONTROL_PLANE_ACTIONS = [
  'CreateFunction', 'UpdateFunctionCode', 'UpdateFunctionConfiguration', 'PublishVersion', 'CreateAlias', 'UpdateAlias',
  'PutFunctionConcurrency', 'DeleteFunctionConcurrency', 'PutProvisionedConcurrencyConfig', 'DeleteProvisionedConcurrencyConfig',
  'PutFunctionEventInvokeConfig', 'DeleteFunction',
  'CreateEventSourceMapping', 'UpdateEventSourceMapping', 'DeleteEventSourceMapping', 'PutFunctionRecursionConfig',
] as const;
