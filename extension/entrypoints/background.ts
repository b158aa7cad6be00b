import { listen } from '../platform/messaging';
import { settings } from '../platform/storage';
import { handlers } from '../background/handlers';
import { hasAdapterData, seedBundled, subscriptions } from '../background/lists';
import { syncAdapterProbe } from '../background/adapter-probe';
import { syncGenericScript } from '../background/generic';
import { onLoadPart } from '../background/inject-page';
import { showVerdict } from '../background/action';

const ALARM = 'xinbiao-list-updates';

// The only place that resolves statuses; everything it keeps lives in IndexedDB or extension storage, not memory.
export default defineBackground(() => {
  listen(handlers);
  browser.runtime.onMessage.addListener(onLoadPart);

  browser.runtime.onInstalled.addListener(() => {
    void seedBundled().catch((err) => console.warn('sample lists', err));
    void browser.alarms.create(ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
    void hasAdapterData().then(syncAdapterProbe).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(() => {
    void seedBundled().catch(() => undefined);
    void settings.getValue().then((s) => syncGenericScript(s.generic)).catch(() => undefined);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void subscriptions().then((s) => s.updateDue()).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(`tab-${tabId}`));
  // A new page starts with no report: on a page without a shop the content script never sends one.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void browser.storage.session.remove(`tab-${tabId}`).then(() => showVerdict(tabId, null)).catch(() => undefined);
  });
});
