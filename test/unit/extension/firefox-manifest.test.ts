import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const KNOWN = new Set(['manifest_version', 'name', 'description', 'version', 'permissions', 'host_permissions', 'optional_permissions',
  'optional_host_permissions', 'action', 'background', 'content_scripts', 'browser_specific_settings', 'icons', 'options_ui', 'web_accessible_resources']);

describe('Firefox build (npm run build)', () => {
  const file = resolve(ROOT, '.output/firefox-mv3/manifest.json');
  it('is MV3 with a gecko id, background scripts and no unknown keys', () => {
    expect(existsSync(file)).toBe(true);
    const m = JSON.parse(readFileSync(file, 'utf8'));
    expect(m.manifest_version).toBe(3);
    expect(m.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(Array.isArray(m.background.scripts)).toBe(true);
    expect(m.background.service_worker).toBeUndefined();
    expect(Object.keys(m).filter((k) => !KNOWN.has(k))).toEqual([]);
    expect(existsSync(resolve(ROOT, '.output/xinbiao-0.1.0-demo-firefox.zip'))).toBe(true);
  });

  it('says it is the demo in its name and description', () => {
    const m = JSON.parse(readFileSync(file, 'utf8'));
    expect(m.name).toBe('信标 XinBiao (demo)（演示版）');
    expect(m.description).toMatch(/^演示版/);
  });
});
