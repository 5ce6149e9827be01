// Pure (shared): the seed generator's public face.
export {
  GENERATOR_VERSION,
  generateAccount,
  generateWorkspace,
  generateWorkspaceBatches,
  peoplePerAccount,
  SEED_COLLECTIONS,
} from './generate';
export type { SeedBatch, SeedCollection, SeedOptions, SeedWorkspace } from './generate';
export { DEFAULT_NOW, SEED_SIZES, SIZE_PROFILES, describeSize } from './sizes';
export type { SeedSize, SizeProfile } from './sizes';
export { dealHealth } from './health';
export type { DealLatents } from './health';
