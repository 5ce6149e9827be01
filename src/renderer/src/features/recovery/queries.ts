// Renderer: the recovery screen's read — whether the workspace file can be read at all.
import { apiQuery } from '@renderer/data/query';

export const storeHealthQuery = () => apiQuery('workspace.health', {});
