import { describe, expect, it } from 'vitest';
import { autoMapping, detectCrm, detectKind } from './presets';

describe('recognising the CRM and the kind of records from the headers', () => {
  it.each([
    [['Id', 'AccountId', 'Name', 'StageName', 'CloseDate', 'Amount', 'OwnerId'], 'salesforce', 'opportunities'],
    [['Id', 'Subject', 'WhoId', 'WhatId', 'ActivityDate', 'OwnerId'], 'salesforce', 'activities'],
    [['(Do Not Modify) Account', '(Do Not Modify) Row Checksum', 'Account Name', 'Address 1: City', 'Owner'], 'dynamics', 'accounts'],
    [
      ['(Do Not Modify) Opportunity', 'Topic', 'Potential Customer', 'Est. revenue', 'Est. close date', 'Status'],
      'dynamics',
      'opportunities',
    ],
    [['Record ID', 'First Name', 'Last Name', 'Email', 'Associated Company IDs', 'Contact owner'], 'hubspot', 'contacts'],
    [['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Amount', 'Deal owner'], 'hubspot', 'opportunities'],
    [['ACCOUNTID', 'Account Name', 'Industry', 'Billing City', 'Account Owner'], 'zoho', 'accounts'],
    [['POTENTIALID', 'Potential Name', 'ACCOUNTID', 'Stage', 'Closing Date', 'Potential Owner'], 'zoho', 'opportunities'],
  ])('%j', (headers, crm, kind) => {
    expect(detectCrm(headers)).toBe(crm);
    expect(detectKind(headers, detectCrm(headers))).toBe(kind);
  });

  it('the same header means different fields per kind (Zoho ACCOUNTID: the record, or its account)', () => {
    expect(autoMapping(['ACCOUNTID', 'Account Name'], 'zoho', 'accounts')).toEqual(['externalId', 'name']);
    expect(autoMapping(['CONTACTID', 'ACCOUNTID', 'Account Name'], 'zoho', 'contacts')).toEqual([
      'externalId',
      'accountRef',
      'accountName',
    ]);
  });

  it('a file name breaks ties; unknown headers map to nothing', () => {
    expect(detectKind(['Name', 'Email'], 'generic', 'Leads.csv')).toBe('leads');
    expect(autoMapping(['Favourite colour', 'Name'], 'generic', 'accounts')).toEqual([null, 'name']);
  });

  it('our own export is recognised by its schema headers', () => {
    expect(detectCrm(['id', 'name', 'industry', 'region', 'segment', 'updatedAt'])).toBe('deepsales');
  });
});
