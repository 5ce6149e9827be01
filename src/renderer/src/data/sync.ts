// Renderer: team-sync and kept-conflict reads.
import { apiQuery } from './query';

export const syncQuery = () => apiQuery('sync.status', {});

export const conflictsQuery = () => apiQuery('conflicts.list', {});
