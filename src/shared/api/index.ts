// Pure (shared): the API contract's public face.
export { API, isMethodName, isMutationName, isQueryName } from './contract';
export type { Api, MethodName, InputOf, OutputOf, MethodSpec, QuerySpec, MutationSpec, QueryName, MutationName } from './contract';
export { ApiError, ERROR_WORDS, MAX_REQUEST_BYTES, API_ERROR_CODES } from './errors';
export type { ApiErrorCode, ApiErrorShape } from './errors';
export { APP_COMMANDS, HostEvent } from './events';
export type { AppCommand, SyncStatus } from './events';
export * from './inputs';
export * from './views';
export { WsRequest, BRIDGE_KEY, IPC_INVOKE, IPC_EVENT } from './transport';
export type { Transport, CallResult, WsFrame } from './transport';
export * from './sync-views';
export * from './search-views';
export * from './team-admin-views';
export * from './scoring-views';
export * from './import-views';
export * from './records';
