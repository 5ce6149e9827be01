// Pure (shared): word lists that combine into believable company names per industry.

export interface Industry {
  name: string;
  weight: number;
  /** Words that end a company name in this industry ("Northwind Logistics"). */
  nouns: readonly string[];
  /** What the buyer is trying to fix, used in opportunity names and notes. */
  initiatives: readonly string[];
}

export const INDUSTRIES: readonly Industry[] = [
  { name: 'Manufacturing', weight: 14, nouns: ['Industries', 'Manufacturing', 'Components', 'Machines', 'Works', 'Fabrication'],
    initiatives: ['Shop-floor visibility', 'Supplier portal', 'Predictive maintenance', 'Quality analytics'] },
  { name: 'Logistics', weight: 8, nouns: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Cargo'],
    initiatives: ['Fleet tracking', 'Warehouse automation', 'Route planning', 'Customs workflow'] },
  { name: 'Financial Services', weight: 11, nouns: ['Capital', 'Financial', 'Bank', 'Partners', 'Asset Management'],
    initiatives: ['Client onboarding', 'Risk reporting', 'Advisor workspace', 'KYC automation'] },
  { name: 'Insurance', weight: 5, nouns: ['Insurance', 'Assurance', 'Mutual', 'Underwriters'],
    initiatives: ['Claims modernisation', 'Broker portal', 'Policy analytics'] },
  { name: 'Healthcare', weight: 9, nouns: ['Health', 'Medical', 'Care', 'Clinics', 'Diagnostics'],
    initiatives: ['Patient scheduling', 'Clinical data platform', 'Revenue cycle'] },
  { name: 'Life Sciences', weight: 5, nouns: ['Biosciences', 'Pharma', 'Therapeutics', 'Labs'],
    initiatives: ['Trial data hub', 'Lab informatics', 'Field medical CRM'] },
  { name: 'Retail', weight: 8, nouns: ['Retail', 'Stores', 'Brands', 'Outfitters', 'Market'],
    initiatives: ['Omnichannel inventory', 'Store operations', 'Loyalty platform'] },
  { name: 'Software', weight: 10, nouns: ['Software', 'Systems', 'Labs', 'Technologies', 'Digital', 'Cloud'],
    initiatives: ['Revenue operations', 'Developer platform', 'Customer success tooling'] },
  { name: 'Telecommunications', weight: 4, nouns: ['Telecom', 'Networks', 'Communications', 'Connect'],
    initiatives: ['Network operations', 'B2B self-service', 'Field service'] },
  { name: 'Energy & Utilities', weight: 6, nouns: ['Energy', 'Power', 'Utilities', 'Renewables', 'Grid'],
    initiatives: ['Asset management', 'Grid analytics', 'Field workforce'] },
  { name: 'Construction', weight: 5, nouns: ['Construction', 'Builders', 'Engineering', 'Infrastructure'],
    initiatives: ['Project controls', 'Site safety', 'Bid management'] },
  { name: 'Professional Services', weight: 7, nouns: ['Consulting', 'Advisory', 'Group', 'Associates'],
    initiatives: ['Resource planning', 'Knowledge platform', 'Client portal'] },
  { name: 'Education', weight: 3, nouns: ['Learning', 'Education', 'Academy', 'Institute'],
    initiatives: ['Student success', 'Campus operations', 'Learning analytics'] },
  { name: 'Public Sector', weight: 3, nouns: ['Authority', 'Agency', 'Services', 'Council'],
    initiatives: ['Citizen services', 'Case management', 'Records digitisation'] },
];

export const INDUSTRY_WEIGHTS: readonly number[] = INDUSTRIES.map((i) => i.weight);

/** First words of a company name; mostly invented compounds that do not belong to a real firm. */
export const NAME_STEMS: readonly string[] = [
  'Northwind', 'Bluepeak', 'Ironbridge', 'Silverline', 'Redwood', 'Brightwater', 'Stonegate', 'Clearfield',
  'Harborview', 'Summit', 'Evergreen', 'Oakridge', 'Crescent', 'Granite', 'Meridian', 'Pinecrest', 'Lakeshore',
  'Highland', 'Copperleaf', 'Falcon', 'Keystone', 'Westbrook', 'Aurora', 'Beacon', 'Cedar', 'Driftwood',
  'Everlight', 'Foxglove', 'Goldcrest', 'Hawthorne', 'Ivory', 'Juniper', 'Kestrel', 'Larkspur', 'Maplewood',
  'Nimbus', 'Orchard', 'Pioneer', 'Quarry', 'Riverbend', 'Sable', 'Tidewater', 'Unity', 'Vantage', 'Willow',
  'Zenith', 'Alder', 'Bramble', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Glacier', 'Helix', 'Indigo', 'Jasper',
  'Kinetic', 'Lumen', 'Mosaic', 'Nova', 'Onyx', 'Polar', 'Quartz', 'Radiant', 'Solace', 'Terra', 'Ultra',
  'Vertex', 'Wavecrest', 'Xenon', 'Yardley', 'Zephyr', 'Atlas', 'Boreal', 'Caldera', 'Dunmore', 'Eastgate',
  'Fairhaven', 'Greystone', 'Halcyon', 'Ingram', 'Kingsley', 'Lindon', 'Marlow', 'Norbury', 'Ashford',
];

/** Optional middle words ("Northwind Precision Components"). */
export const NAME_QUALIFIERS: readonly string[] = [
  'Precision', 'Global', 'United', 'Advanced', 'National', 'Pacific', 'Atlantic', 'Continental', 'Integrated',
  'Applied', 'Premier', 'Allied', 'Modern', 'Coastal', 'Metro',
];

export const PRODUCT_LINES: readonly string[] = ['Platform', 'Analytics', 'Engagement', 'Services'];
export const ROUTES_TO_MARKET: readonly string[] = ['direct', 'partner', 'marketplace'];
