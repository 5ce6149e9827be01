// Pure (shared): our id of an imported record, derived from its CRM and the CRM's own id, so a
// second import of the same file finds the same documents without any lookup table.
import type { Crm } from './presets';

const CRM_CODE: Record<Crm, string> = { salesforce: 'sf', dynamics: 'd365', hubspot: 'hs', zoho: 'zoho', deepsales: 'ds', generic: 'crm' };

/** 64-bit FNV-1a as 16 hex digits: stable across runs and runtimes, enough to keep ids apart. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * `acc_sf_0015g00000XyZAbC`, or `acc_sf_h<hash>` when the CRM id has characters our ids refuse
 * (Dynamics GUIDs keep their dashes) or is too long; a replaced character would let two CRM ids
 * meet in one of ours, a hash does not.
 */
export function importedId(prefix: string, crm: Crm, externalId: string): string {
  const head = `${prefix}_${CRM_CODE[crm]}_`;
  if (/^[A-Za-z0-9_-]+$/.test(externalId) && head.length + externalId.length <= 64) return head + externalId;
  return `${head}h${hash64(externalId)}`;
}
