// Pure (shared): sales regions with their time zones, naming locale and company suffixes.

export type Locale = 'en' | 'de' | 'fr' | 'nl' | 'nordic' | 'es' | 'pt' | 'ja' | 'in' | 'ar';

/** DST rule families; enough to place local business hours correctly within an hour. */
export type DstRule = 'none' | 'us' | 'eu' | 'au';

export interface Zone {
  name: string;
  /** Standard (winter) offset from UTC in minutes. */
  offsetMin: number;
  dst: DstRule;
}

export interface Region {
  name: string;
  weight: number;
  zones: readonly Zone[];
  locales: readonly Locale[];
  legalForms: readonly string[];
  tld: string;
  phonePrefix: string;
}

const z = (name: string, offsetMin: number, dst: DstRule): Zone => ({ name, offsetMin, dst });

export const REGIONS: readonly Region[] = [
  {
    name: 'North America',
    weight: 34,
    locales: ['en'],
    legalForms: ['Inc.', 'Corp.', 'LLC', 'Co.'],
    tld: 'com',
    phonePrefix: '+1',
    zones: [
      z('America/New_York', -300, 'us'),
      z('America/Chicago', -360, 'us'),
      z('America/Denver', -420, 'us'),
      z('America/Los_Angeles', -480, 'us'),
      z('America/Toronto', -300, 'us'),
    ],
  },
  {
    name: 'UK & Ireland',
    weight: 10,
    locales: ['en'],
    legalForms: ['Ltd', 'plc', 'Group'],
    tld: 'co.uk',
    phonePrefix: '+44',
    zones: [z('Europe/London', 0, 'eu'), z('Europe/Dublin', 0, 'eu')],
  },
  {
    name: 'DACH',
    weight: 10,
    locales: ['de'],
    legalForms: ['GmbH', 'AG', 'SE'],
    tld: 'de',
    phonePrefix: '+49',
    zones: [z('Europe/Berlin', 60, 'eu'), z('Europe/Zurich', 60, 'eu'), z('Europe/Vienna', 60, 'eu')],
  },
  {
    name: 'France & Benelux',
    weight: 8,
    locales: ['fr', 'nl'],
    legalForms: ['SA', 'SAS', 'B.V.', 'N.V.'],
    tld: 'eu',
    phonePrefix: '+33',
    zones: [z('Europe/Paris', 60, 'eu'), z('Europe/Amsterdam', 60, 'eu'), z('Europe/Brussels', 60, 'eu')],
  },
  {
    name: 'Nordics',
    weight: 6,
    locales: ['nordic'],
    legalForms: ['AB', 'AS', 'Oy', 'A/S'],
    tld: 'se',
    phonePrefix: '+46',
    zones: [z('Europe/Stockholm', 60, 'eu'), z('Europe/Oslo', 60, 'eu'), z('Europe/Helsinki', 120, 'eu')],
  },
  {
    name: 'Middle East',
    weight: 3,
    locales: ['ar', 'en'],
    legalForms: ['LLC', 'FZE', 'Holding'],
    tld: 'ae',
    phonePrefix: '+971',
    zones: [z('Asia/Dubai', 240, 'none'), z('Asia/Riyadh', 180, 'none')],
  },
  {
    name: 'India',
    weight: 6,
    locales: ['in'],
    legalForms: ['Pvt Ltd', 'Ltd'],
    tld: 'in',
    phonePrefix: '+91',
    zones: [z('Asia/Kolkata', 330, 'none')],
  },
  {
    name: 'Japan',
    weight: 5,
    locales: ['ja'],
    legalForms: ['K.K.', 'Co., Ltd.'],
    tld: 'jp',
    phonePrefix: '+81',
    zones: [z('Asia/Tokyo', 540, 'none')],
  },
  {
    name: 'Southeast Asia',
    weight: 4,
    locales: ['en'],
    legalForms: ['Pte Ltd', 'Sdn Bhd'],
    tld: 'sg',
    phonePrefix: '+65',
    zones: [z('Asia/Singapore', 480, 'none'), z('Asia/Kuala_Lumpur', 480, 'none'), z('Asia/Jakarta', 420, 'none')],
  },
  {
    name: 'ANZ',
    weight: 5,
    locales: ['en'],
    legalForms: ['Pty Ltd', 'Ltd'],
    tld: 'com.au',
    phonePrefix: '+61',
    zones: [z('Australia/Sydney', 600, 'au'), z('Australia/Melbourne', 600, 'au'), z('Australia/Brisbane', 600, 'none')],
  },
  {
    name: 'Latin America',
    weight: 9,
    locales: ['es', 'pt'],
    legalForms: ['S.A.', 'S.A. de C.V.', 'Ltda.'],
    tld: 'com',
    phonePrefix: '+55',
    zones: [
      z('America/Sao_Paulo', -180, 'none'),
      z('America/Mexico_City', -360, 'none'),
      z('America/Bogota', -300, 'none'),
      z('America/Lima', -300, 'none'),
    ],
  },
];

export const REGION_WEIGHTS: readonly number[] = REGIONS.map((r) => r.weight);
