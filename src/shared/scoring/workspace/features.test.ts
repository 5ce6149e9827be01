import { buildFeatureSpace, featureLabel } from './features';

describe('feature labels', () => {
  it('names fixed features in words', () => {
    expect(featureLabel('champion_reached')).toBe('Champion reached');
  });

  it('names a CRM field by its own name in the data, not by the key the model matches on', () => {
    const csv = buildFeatureSpace([
      { 'Route To Market': 'Reseller', Region: 'West' },
      { 'Route To Market': 'Fields Sales', Region: 'East' },
      { routeToMarket: 'Reseller', Region: 'East' },
    ]);
    expect(csv.crm.find((c) => c.key === 'routetomarket')?.label).toBe('Route To Market');
    expect(featureLabel('crm:routetomarket', csv)).toBe('CRM: Route To Market');
    expect(featureLabel('crm:region', csv)).toBe('CRM: Region');
    const deals = buildFeatureSpace([
      { routeToMarket: 'direct', lead_source: 'event' },
      { routeToMarket: 'partner', lead_source: 'inbound' },
    ]);
    expect(featureLabel('crm:routetomarket', deals)).toBe('CRM: Route to market');
    expect(featureLabel('crm:leadsource', deals)).toBe('CRM: Lead source');
    // A model saved before labels were kept still reads as before.
    expect(featureLabel('crm:routetomarket', { crm: [{ key: 'routetomarket', levels: ['a', 'b'] }] })).toBe('CRM: routetomarket');
  });
});
