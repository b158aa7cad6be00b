import type { Settings } from './storage';

/** Language and theme for the content script, read without the storage library (the content script stays small). */
export async function readLook(): Promise<Pick<Settings, 'language' | 'theme'>> {
  const raw = (await browser.storage.local.get('settings')).settings as Partial<Settings> | undefined;
  return {
    language: raw?.language === 'en' ? 'en' : 'zh-CN',
    theme: raw?.theme === 'light' || raw?.theme === 'dark' ? raw.theme : 'auto',
  };
}
