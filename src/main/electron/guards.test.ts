import { describe, expect, it } from 'vitest';
import { externalLink, navigationDecision, NEEDED_PERMISSIONS, permissionGranted, redirectAllowed } from './guards';
import { rendererTarget } from './renderer-target';

const APP = rendererTarget({ packaged: true, devServerUrl: undefined, rendererFile: '/app/out/renderer/index.html' });
const DEV = rendererTarget({ packaged: false, devServerUrl: 'http://localhost:5173/', rendererFile: '/app/out/renderer/index.html' });
const PAGE = 'file:///app/out/renderer/index.html';

describe('navigation guard', () => {
  it('lets the app move between its own routes and reload', () => {
    expect(navigationDecision(`${PAGE}#/accounts`, APP)).toEqual({ action: 'allow' });
    expect(navigationDecision(PAGE, APP)).toEqual({ action: 'allow' });
    expect(navigationDecision('http://localhost:5173/#/today', DEV)).toEqual({ action: 'allow' });
  });

  it('cancels every other document, opening only https pages in the browser', () => {
    expect(navigationDecision('https://example.com/docs', APP)).toEqual({ action: 'deny', openExternally: 'https://example.com/docs' });
    expect(navigationDecision('http://example.com/', APP)).toEqual({ action: 'deny', openExternally: null });
    expect(navigationDecision('file:///tmp/renderer/index.html', APP)).toEqual({ action: 'deny', openExternally: null });
    expect(navigationDecision('file:///etc/passwd', APP)).toEqual({ action: 'deny', openExternally: null });
    expect(navigationDecision('javascript:alert(1)', APP)).toEqual({ action: 'deny', openExternally: null });
    expect(navigationDecision('http://localhost:5174/', DEV)).toEqual({ action: 'deny', openExternally: null });
    // The packaged file is not the app while the dev server is.
    expect(navigationDecision(PAGE, DEV)).toEqual({ action: 'deny', openExternally: null });
  });

  it('refuses redirects away from the app', () => {
    expect(redirectAllowed('https://evil.example/', APP)).toBe(false);
    expect(redirectAllowed('http://127.0.0.1:9/', DEV)).toBe(false);
    expect(redirectAllowed('http://localhost:5173/index.html', DEV)).toBe(true);
  });
});

describe('external links', () => {
  it('hands only https links with a host and no credentials to the browser', () => {
    expect(externalLink('https://www.linkedin.com/in/someone')).toBe('https://www.linkedin.com/in/someone');
    expect(externalLink('http://example.com')).toBeNull();
    expect(externalLink('file:///C:/Windows/System32/calc.exe')).toBeNull();
    expect(externalLink('smb://host/share')).toBeNull();
    expect(externalLink('ms-msdt:/id PCWDiagnostic')).toBeNull();
    expect(externalLink('https://user:pass@example.com/')).toBeNull();
    expect(externalLink('not a url')).toBeNull();
  });
});

describe('permission handler', () => {
  it('denies every permission the app does not need', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(permissionGranted(permission, `${PAGE}#/today`, APP)).toBe(false);
    }
    expect(permissionGranted('toString', PAGE, APP)).toBe(false);
  });

  it('grants the needed ones only to the app itself', () => {
    expect(Object.keys(NEEDED_PERMISSIONS)).toEqual(['fullscreen']);
    expect(permissionGranted('fullscreen', `${PAGE}#/present/opp-1`, APP)).toBe(true);
    expect(permissionGranted('fullscreen', 'https://example.com/', APP)).toBe(false);
    expect(permissionGranted('fullscreen', undefined, APP)).toBe(false);
  });
});
