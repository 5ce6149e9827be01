// Main process: the host's public face.
export { createHost } from './host';
export type { Host, HostOptions } from './host';
export type { HostContext, TeamSession, WorkspacePlacer } from './context';
export { teamOfFileSecretName, tokenSecretName } from './sync-session';
