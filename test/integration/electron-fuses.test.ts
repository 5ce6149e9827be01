// The packaged app's Electron fuses, checked without an Electron binary: the electronFuses block
// of electron-builder.yml goes through electron-builder's own mapping (the code its packager runs
// before signing) and @electron/fuses flips a stand-in binary that carries Electron's fuse wire
// with Electron's defaults; the wire read back is what the packaged app would have.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, flipFuses, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';
import { LinuxPackager } from 'electron-builder';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 49;
const DISABLE = 48;

/** The electronFuses block of electron-builder.yml (a flat map of booleans). */
async function fuseBlock(): Promise<Record<string, boolean>> {
  const yml = await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yml);
  if (!block) throw new Error('electron-builder.yml has no electronFuses block');
  return Object.fromEntries([...block[1]!.matchAll(/^ {2}(\w+): (true|false)$/gm)].map((m) => [m[1]!, m[2] === 'true']));
}

describe('electron fuses of the package', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('turns RunAsNode, NODE_OPTIONS and inspect off, asar integrity and asar-only on', async () => {
    const block = await fuseBlock();
    const generate = (LinuxPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<FuseV1Config> }).generateFuseConfig;
    const config = await generate.call(null, block);
    dir = await mkdtemp(path.join(os.tmpdir(), 'ds-fuses-'));
    const binary = path.join(dir, 'deep-sales');
    // Electron's defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
    // inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file privileges on.
    const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE];
    await writeFile(
      binary,
      Buffer.concat([Buffer.from('\x7fELF…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…')]),
    );
    await flipFuses(binary, { ...config, resetAdHocDarwinSignature: false });
    const wire = await getCurrentFuseWire(binary);
    const state = (fuse: FuseV1Options) => (wire[fuse] === ENABLE ? 'on' : wire[fuse] === DISABLE ? 'off' : 'other');
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      fileProtocol: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      nodeOptions: 'off',
      inspect: 'off',
      asarIntegrity: 'on',
      onlyAsar: 'on',
      cookieEncryption: 'on',
      fileProtocol: 'on',
    });
  });
});
