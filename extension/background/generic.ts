const ID = 'xinbiao-generic';

/** Registers the any-site detector when the shopper granted access, removes it otherwise. */
export async function syncGenericScript(enabled: boolean): Promise<boolean> {
  const granted = await browser.permissions.contains({ permissions: ['scripting'], origins: ['*://*/*'] });
  if (!browser.scripting) return false;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [ID] });
  if (enabled && granted) {
    if (existing.length === 0) {
      await browser.scripting.registerContentScripts([
        { id: ID, matches: ['*://*/*'], js: ['content-scripts/generic.js'], runAt: 'document_idle', persistAcrossSessions: true },
      ]);
    }
    return true;
  }
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [ID] });
  return false;
}
