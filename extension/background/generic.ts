const ID = 'xinbiao-generic';
// The any-site first part (generic.js, wxt.config.ts firstParts); earlier versions registered another file under the same id.
const JS = ['generic.js'];

/** Registers the any-site detector when the shopper granted access, removes it otherwise. */
export async function syncGenericScript(enabled: boolean): Promise<boolean> {
  const granted = await browser.permissions.contains({ permissions: ['scripting'], origins: ['*://*/*'] });
  if (!browser.scripting) return false;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  const current = existing.length > 0 && existing.every((s) => s.js?.join() === JS.join());
  if (existing.length && !(enabled && granted && current)) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  if (!(enabled && granted)) return false;
  if (!current) {
    await browser.scripting.registerContentScripts([
      { id: ID, matches: ['*://*/*'], js: JS, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return true;
}
