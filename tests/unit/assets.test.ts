import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What electron-builder packs from assets/ and what a technician installs on a branch machine.
const ROOT = join(import.meta.dirname, '..', '..');
const builderYml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };

describe('assets', () => {
  it('every path electron-builder.yml names under assets/ exists', () => {
    const paths = [...builderYml.matchAll(/(?:buildResources|icon|from|include):\s*(assets(?:\/\S*)?)/g)].map((match) => match[1] ?? '');
    expect(paths).toEqual(
      expect.arrayContaining(['assets', 'assets/icons/icon.png', 'assets/linux', 'assets/licences', 'assets/windows/installer.nsh']),
    );
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('the icon is a 512x512 PNG (electron-builder needs at least 256x256)', () => {
    const png = readFileSync(join(ROOT, 'assets/icons/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('ships the licence texts of the fonts and of eSpeak NG', () => {
    for (const file of ['NotoSans-OFL-1.1.txt', 'NotoSansGeorgian-OFL-1.1.txt', 'NotoSansArmenian-OFL-1.1.txt']) {
      expect(readFileSync(join(ROOT, 'assets/licences', file), 'utf8')).toContain('SIL Open Font License, Version 1.1');
    }
    expect(readFileSync(join(ROOT, 'assets/licences/espeak-ng-GPL-3.0.txt'), 'utf8')).toContain('GNU GENERAL PUBLIC LICENSE');
  });

  it('the systemd unit and the autostart entry start the packaged binary with its device config, restarted always', () => {
    const productName = /^productName:\s*(.+)$/m.exec(builderYml)?.[1]?.trim() ?? '';
    // Where electron-builder's deb installs the app: /opt/<productName>/<package name>.
    const binary = `/opt/${productName}/${manifest.name}`;
    const unit = readFileSync(join(ROOT, 'assets/linux/psh-kiosk.service'), 'utf8');
    expect(unit).toContain(`ExecStart=${binary.replace(/ /g, '\\x20')}`);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^Environment=PSH_KIOSK_CONFIG=\/etc\/psh-kiosk\/kiosk\.json$/m);
    const desktop = readFileSync(join(ROOT, 'assets/linux/psh-kiosk.desktop'), 'utf8');
    expect(desktop).toContain(`"${binary}"`);
    expect(desktop).toContain('PSH_KIOSK_CONFIG=/etc/psh-kiosk/kiosk.json');
  });

  it('the Windows installer starts the kiosk at the kiosk account’s login and removes that on uninstall', () => {
    const nsh = readFileSync(join(ROOT, 'assets/windows/installer.nsh'), 'utf8');
    const runKey = 'HKCU "Software\\Microsoft\\Windows\\CurrentVersion\\Run" "PSH Kiosk"';
    expect(nsh).toContain(`WriteRegStr ${runKey} '"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}"'`);
    expect(nsh).toContain(`DeleteRegValue ${runKey}`);
    expect(nsh).toMatch(/!macro customInstall[\s\S]*!macroend[\s\S]*!macro customUnInstall[\s\S]*!macroend/);
    expect(builderYml).toMatch(/^nsis:\n {2}include: assets\/windows\/installer\.nsh$/m);
  });
});
