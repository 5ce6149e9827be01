// Renderer: words for account vocabulary that humanize() would get wrong ("Smb").
import type { Account } from '@shared/domain';

export const SEGMENT_LABEL: Record<Account['segment'], string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
};
