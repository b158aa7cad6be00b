import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncGenericScript } from '../../../extension/background/generic';

// The any-site detector's registration, with the permission answer and the scripting API stubbed (no prompt).
describe('syncGenericScript', () => {
  let registered: { id: string; matches?: string[]; js?: string[] }[];
  let granted: boolean;
  beforeEach(() => {
    fakeBrowser.reset();
    registered = [];
    granted = false;
    Object.assign(fakeBrowser, {
      permissions: { contains: async () => granted },
      scripting: {
        getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id)),
        registerContentScripts: async (s: typeof registered) => { registered.push(...s); },
        unregisterContentScripts: async ({ ids }: { ids: string[] }) => { registered = registered.filter((s) => !ids.includes(s.id)); },
      },
    });
  });

  it('registers once when turned on with access granted', async () => {
    granted = true;
    expect(await syncGenericScript(true)).toBe(true);
    expect(await syncGenericScript(true)).toBe(true);
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ matches: ['*://*/*'], js: ['generic.js'] });
  });

  it('does not register without the permission, and reports it off', async () => {
    expect(await syncGenericScript(true)).toBe(false);
    expect(registered).toHaveLength(0);
  });

  it('replaces a registration of an older file under the same id', async () => {
    granted = true;
    registered = [{ id: 'xinbiao-generic', matches: ['*://*/*'], js: ['content-scripts/generic.js'] }];
    expect(await syncGenericScript(true)).toBe(true);
    expect(registered).toEqual([expect.objectContaining({ js: ['generic.js'] })]);
  });

  it('unregisters when turned off', async () => {
    granted = true;
    await syncGenericScript(true);
    expect(await syncGenericScript(false)).toBe(false);
    expect(registered).toHaveLength(0);
  });
});
