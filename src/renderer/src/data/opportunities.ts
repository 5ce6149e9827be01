// Renderer: one opportunity with its journey, interactions and workshop notes. A workshop
// projected from one window shows what another window adds (change events on journeysteps and
// workshopnotes).
import type { OpportunityId } from '@shared/domain';
import { apiQuery } from './query';

export const opportunityQuery = (id: OpportunityId) => apiQuery('opportunities.get', { id });

/** Every deal, for the deal picker (open first, soonest to close). */
export const dealListQuery = () => apiQuery('opportunities.list', {});
