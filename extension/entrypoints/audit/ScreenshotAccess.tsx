import { useEffect, useState } from 'preact/hooks';

const ALL = { origins: ['<all_urls>'] };

/** Screenshots need access to every site (captureVisibleTab); the inspector grants it here, once, on purpose. */
export function ScreenshotAccess() {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => { void browser.permissions.contains(ALL).then(setGranted); }, []);
  if (granted) return <span class="muted" data-testid="shots">截图已启用 Screenshots on</span>;
  return (
    <button type="button" data-testid="shots" onClick={async () => setGranted(await browser.permissions.request(ALL).catch(() => false))}>
      启用截图证据 Allow screenshots
    </button>
  );
}
