import { useState } from 'preact/hooks';
import { send } from '../../platform/messaging';
import { settings, type Language, type Settings, type Theme } from '../../platform/storage';
import { applyLook, langOf, tr } from '../../ui/lang';
import { Lists } from './Lists';
import { AdapterHealth } from './AdapterHealth';

/** Subscriptions, status endpoints, any-site detection, language, theme and the privacy statement. */
export function Options({ initial }: { initial: Settings }) {
  const [s, setS] = useState(initial);
  const [endpoint, setEndpoint] = useState('');
  const [note, setNote] = useState('');
  const [cleared, setCleared] = useState('');
  const lang = langOf(s.language);
  const save = async (next: Settings) => {
    setS(next);
    applyLook(next.language, next.theme);
    await settings.setValue(next);
  };
  const toggleGeneric = async (on: boolean) => {
    // Asked here, when the shopper turns it on: nothing beyond the platforms is granted at install. Origins only:
    // 'scripting' is granted already, and Firefox refuses to request a permission not declared optional.
    const granted = on ? await browser.permissions.request({ origins: ['*://*/*'] }).catch(() => false) : true;
    const r = await send('options:generic', { enabled: on && granted }).catch((e: Error) => ({ ok: false, error: e.message }));
    setNote(r.ok ? '' : (r.error ?? ''));
    setS({ ...(await settings.getValue()) });
  };
  const clearData = async () => {
    const r = await send('options:clear', {}).catch((e: Error) => ({ ok: false, error: e.message }));
    setCleared(r.ok ? tr(lang, '已清除', 'Cleared') : (r.error ?? ''));
  };
  return (
    <main>
      <h1>信标 XinBiao · {tr(lang, '设置', 'Settings')}</h1>
      <Lists lang={lang} />
      <section aria-labelledby="ep-h">
        <h2 id="ep-h">{tr(lang, '状态查询接口（可选）', 'Status endpoints (opt-in)')}</h2>
        <p class="muted">{tr(lang, '开启后，扩展只把统一社会信用代码发送给您添加的接口，不发送网页地址。', 'When added, the extension sends only the credit code (USCC) to these endpoints, never the page address.')}</p>
        <ul>{s.endpoints.map((e) => <li key={e}>{e} <button type="button" onClick={() => save({ ...s, endpoints: s.endpoints.filter((x) => x !== e) })}>{tr(lang, '删除', 'Remove')}</button></li>)}</ul>
        <form class="row" onSubmit={(e) => { e.preventDefault(); if (/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(endpoint)) void save({ ...s, endpoints: [...new Set([...s.endpoints, endpoint.replace(/\/+$/, '')])] }); setEndpoint(''); }}>
          <label for="ep">{tr(lang, '接口地址', 'Endpoint base URL')}</label>
          <input id="ep" type="url" value={endpoint} onInput={(e) => setEndpoint((e.target as HTMLInputElement).value)} />
          <button type="submit">{tr(lang, '添加', 'Add')}</button>
        </form>
      </section>
      <section aria-labelledby="any-h">
        <h2 id="any-h">{tr(lang, '在所有网站上识别', 'Detect on any site')}</h2>
        <div class="row">
          <input id="any" type="checkbox" checked={s.generic} onChange={(e) => toggleGeneric((e.target as HTMLInputElement).checked)} />
          <label for="any">{tr(lang, '需要“访问所有网站”权限，仅在您开启时申请', 'Needs access to all sites, asked only when you turn this on')}</label>
        </div>
        <p class="muted" data-testid="any-why">{tr(lang,
          '在支持的购物平台之外，信标要读取您打开的网页才能找到店铺的亮照亮标，所以需要访问所有网站的权限；网页只在本机读取，不会发送出去。',
          "Beyond the supported shopping platforms, XinBiao has to read the pages you open to find a shop's licence and marks, so it needs access to all sites; pages are read on this device only and nothing is sent anywhere.")}{' '}
          {import.meta.env.FIREFOX
            ? tr(lang,
              '勾选后，Firefox 会在窗口顶部询问是否允许信标“访问您在所有网站的数据”：点“允许”即开启，点“拒绝”则不开启。之后可在“附加组件和主题”（about:addons）→ 信标 XinBiao →“权限和数据”中收回；Firefox 也允许在那里关闭对各购物平台的访问，关闭后这些平台上不再显示徽标。',
              'When you tick the box, Firefox asks at the top of the window whether XinBiao may “Access your data for all websites”: choose Allow to turn it on (Deny leaves it off). You can take it back later in Add-ons and themes (about:addons) → XinBiao → Permissions and data; Firefox also lets you turn off access to the supported shopping platforms there, and the badge then no longer shows on them.')
            : tr(lang,
              '勾选后，浏览器会询问是否允许信标“读取和更改您在所有网站上的数据”：点“允许”即开启。',
              'When you tick the box, the browser asks whether XinBiao may “Read and change all your data on all websites”: choose Allow to turn it on.')}
        </p>
        {note && <p class="error" role="alert">{note}</p>}
      </section>
      <section aria-labelledby="look-h">
        <h2 id="look-h">{tr(lang, '语言与外观', 'Language and theme')}</h2>
        <div class="row">
          <label for="lang">{tr(lang, '语言', 'Language')}</label>
          <select id="lang" value={s.language} onChange={(e) => save({ ...s, language: (e.target as HTMLSelectElement).value as Language })}>
            <option value="zh-CN">简体中文</option><option value="en">English</option>
          </select>
          <label for="theme">{tr(lang, '主题', 'Theme')}</label>
          <select id="theme" value={s.theme} onChange={(e) => save({ ...s, theme: (e.target as HTMLSelectElement).value as Theme })}>
            <option value="auto">{tr(lang, '跟随系统', 'Auto')}</option><option value="light">{tr(lang, '浅色', 'Light')}</option><option value="dark">{tr(lang, '深色', 'Dark')}</option>
          </select>
        </div>
      </section>
      <AdapterHealth lang={lang} />
      <section aria-labelledby="data-h">
        <h2 id="data-h">{tr(lang, '本机数据', 'Data on this device')}</h2>
        <p class="muted">{tr(lang,
          '信标在本机记住各网店的经营者（读取自该店的营业执照页或店铺页面，30 天后过期）、状态查询接口的回答以及适配器状况。这些数据不会离开本机。',
          "XinBiao remembers each shop's operator on this device (read on the shop's licence page or shop page, expiring after 30 days), the answers of status endpoints and the adapter health counts. None of it leaves the device.")}</p>
        <div class="row">
          <button type="button" onClick={() => void clearData()}>{tr(lang, '清除数据', 'Clear data')}</button>
          {cleared && <span role="status" data-testid="cleared">{cleared}</span>}
        </div>
      </section>
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{tr(lang, '隐私说明', 'Privacy')}</h2>
        <p>{tr(lang,
          '信标不收集任何浏览数据：不上传网页地址、浏览历史，也没有统计分析。信用名单整份下载后在本机比对。只有您开启状态查询接口时，扩展才会把统一社会信用代码（不含其他信息）发给该接口。举报只会在您点击后打开官方渠道，不会自动发送任何内容。',
          'XinBiao collects no browsing data: no page addresses, no history, no analytics. Credit lists are downloaded whole and matched on this device. Only when you add a status endpoint does the extension send it a credit code (USCC), and nothing else. Reports open the official channel when you click; nothing is ever sent on its own.')}</p>
      </section>
    </main>
  );
}
