import type { Lang } from '../../widget/ui/types';

// Written at build time (wxt.config.ts `define`): false only in a release build (npm run build:release).
declare const __XINBIAO_DEMO__: boolean | undefined;

/** The demo build trusts the public sample keys and ships the sample lists; everything it shows says so. */
export const DEMO: boolean = typeof __XINBIAO_DEMO__ === 'boolean' ? __XINBIAO_DEMO__ : true;

const BANNER = { margin: 0, padding: '8px 16px', background: '#fff8c5', color: '#3b2300', borderBlockEnd: '1px solid #d4a72c' };

/** On the demo build's pages: it trusts the public sample keys, so nothing it says is evidence. Nothing in a release. */
export function DemoBanner({ lang }: { lang: Lang }) {
  if (!DEMO) return null;
  const zh = lang === 'zh';
  return (
    <header data-testid="demo-banner" style={BANNER}>
      <strong>{zh ? '演示版' : 'Demo build'}</strong>
      {zh
        ? '：信任公开的示例密钥与示例名单，任何人都能签出“可信”，请勿用于真实购物判断。'
        : ': it trusts public sample keys and sample lists, so anyone can sign a "trusted" here; do not rely on it when shopping.'}
    </header>
  );
}
