/** The core's public API. Everything here runs in Node and in a Web Worker alike. */
export { Simulation, ENVIRONMENT_TABLE, INVOCATION_TABLE } from './simulation';
export type { SimulationOptions, InvokeRequest } from './simulation';
export { parseScenario, DEFAULT_PLATFORM } from './scenario/parseScenario';
export type { ParseResult } from './scenario/parseScenario';
export type { Scenario, FunctionConfig, WorkloadEntry, InvokeMode, RoutingPolicy, Arrival } from './scenario/types';
export { summarize } from './summary';
export type { Summary, LatencyStats } from './summary';
export { Sha256 } from './engine/sha256';
export type { LogHasher } from './engine/sha256';
export { RUNTIMES } from './scenario/runtimes';
export { environmentMachine } from './machines/environmentMachine';
export { invocationMachine } from './machines/invocationMachine';
export { explainInvocation } from './explain';
export type { FrameView, FunctionView, InvocationView, Bin } from './view';
export type { MachineTable } from './machines/machineTable';
export { MAX_SIMULATED_MS, MAX_SIMULATED_TEXT } from './limits';
