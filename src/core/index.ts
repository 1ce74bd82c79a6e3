/**
 * The core's public API: the only module the app, the worker and the protocol import.
 * Everything here runs in Node and in a Web Worker alike.
 */
export { Simulation } from './simulation';
export type { SimulationOptions, InvokeRequest } from './simulation';
export { snapshot, restore } from './snapshot';
export type { Snapshot, RestoreOptions } from './snapshot';
export { STATE_VERSION } from './model/simState';
export type { SimState, ControlPlaneResult } from './model/simState';
export { PlainDataError } from './engine/plainCopy';
export { parseScenario, DEFAULT_PLATFORM } from './scenario/parseScenario';
export type { ParseResult } from './scenario/parseScenario';
export type { Scenario, FunctionConfig, WorkloadEntry, InvokeMode, RoutingPolicy, Arrival } from './scenario/types';
export type { Fault, ControlPlaneCall } from './scenario/faultTypes';
export { summarize } from './summary';
export type { Summary, LatencyStats } from './summary';
export { toView } from './view';
export type { FrameView, FunctionView, InvocationView, Bin, ViewOptions } from './view';
export { describeRecord } from './logText';
export { recentRecords } from './engine/eventLog';
export type { LogRecord } from './engine/eventLog';
export type { LogEntry } from './logText';
export { Sha256 } from './engine/sha256';
export type { LogHasher } from './engine/sha256';
export { RandomStream } from './engine/random';
export { RUNTIMES } from './scenario/runtimes';
export { PRESETS, PRESET_NAMES } from './presets';
export { environmentMachine } from './machines/environmentMachine';
export { invocationMachine } from './machines/invocationMachine';
export { asyncEventMachine } from './machines/asyncEventMachine';
export { ENVIRONMENT_TABLE, INVOCATION_TABLE, ASYNC_EVENT_TABLE } from './machines/tables';
export type { MachineTable } from './machines/machineTable';
export { explainInvocation } from './explain';
export { oldestEventAgeMs } from './services/asyncQueue';
export { peekTokens } from './services/counting';
export { LIMITS } from './scenario/limits';
export { checkControlPlaneCall, checkFault, checkInvokeRequest, checkLiveLoad, inputContext } from './scenario/runtimeInput';
export type { Checked, InputContext, InvokeInput, LiveLoadInput } from './scenario/runtimeInput';
export { InputError } from './scenario/inputError';
export { summaryIdentityProblems } from './summaryIdentity';
export { checkInvariants } from './invariants';
export { InvariantMonitor } from './invariantMonitor';
// The workbench (issue #12): trace replay, A/B runs, the analytic overlay, exports.
export { parseTraceMap } from './traces/mapping';
export type { TraceMapMode } from './traces/mapping';
export { registerTracePuller } from './traces/pull';
export { checkSameTraffic } from './compare/sameTraffic';
export { CompareRun } from './compare/compareRun';
export type { CompareResult } from './compare/compareRun';
export { analyticOverlay, ASSUMPTIONS } from './analytic/overlay';
export type { Overlay } from './analytic/overlay';
export { coldEstimate, environmentsEstimate } from './analytic/batchMeans';
export type { Estimate } from './analytic/batchMeans';
export { PerfettoBuilder, TRACE_HEAD, traceTail } from './export/perfetto';
export { invocationSpans, OTLP_HEAD, OTLP_TAIL } from './export/otlp';
export { stepEvent } from './export/machineSteps';
export { LOG, ENVIRONMENT_STATE_CODES } from './logCodes';
export type { Invocation } from './model/records';
