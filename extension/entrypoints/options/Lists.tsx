import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../widget/ui/types';
import { send, type Subscription } from '../../platform/messaging';
import { listProgress, updating, type ListProgress } from '../../platform/storage';
import { tr } from '../../ui/lang';
import { ADAPTERS_SUFFIX } from '../../../core/lists';

/** List subscriptions: add by URL, remove, update now (with progress), last update and errors. */
export function Lists({ lang }: { lang: Lang }) {
  const [subs, setSubs] = useState<Subscription[]>([]);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState('');
  const [progress, setProgress] = useState<Record<string, ListProgress>>({});
  const reload = () => send('options:lists', {}).then((r) => setSubs(r.subscriptions), () => undefined);
  useEffect(() => {
    void reload();
    void listProgress.getValue().then(setProgress);
    const stopProgress = listProgress.watch((p) => setProgress(p ?? {}));
    const stopUpdating = updating.watch(() => void reload());
    return () => { stopProgress(); stopUpdating(); };
  }, []);
  const act = async (p: Promise<{ ok: boolean; error?: string }>) => {
    const r = await p.catch((e: Error) => ({ ok: false, error: e.message }));
    setMessage(r.ok ? tr(lang, '已完成', 'Done') : (r.error ?? ''));
    await reload();
  };
  return (
    <section aria-labelledby="lists-h">
      <h2 id="lists-h">{tr(lang, '信用名单订阅', 'Credit list subscriptions')}</h2>
      <p class="muted">{tr(lang, '扩展自带示例名单（虚构数据），安装后即可看到演示效果；名单整份下载、在本机比对，不会上传您浏览的网页。',
        'The extension ships sample lists (fictional data) so a fresh install shows the demo; lists are downloaded whole and matched on this device, nothing about your browsing is sent.')}</p>
      <ul class="plain" data-testid="subscriptions">
        {subs.map((s) => (
          <li key={s.url} class="subject" data-testid="subscription" data-url={s.url}>
            <div><b>{s.name ?? s.url}</b> {s.bundled && <span class="muted">({tr(lang, '自带示例', 'bundled sample')})</span>}</div>
            <div class="muted">{s.url}</div>
            <div>{tr(lang, '版本', 'Version')}: {s.version ?? '—'} · {tr(lang, '条目', 'Entries')}: {s.count ?? '—'} · {tr(lang, '上次成功更新', 'Last update')}: <span data-testid="last-success">{s.lastSuccess?.replace('T', ' ').slice(0, 19) ?? '—'}</span></div>
            {s.staleSince && Date.parse(s.staleSince) <= Date.now() && <NotCurrent lang={lang} since={s.staleSince} />}
            {s.lastError && <div class="error" role="alert" data-testid="list-error">{tr(lang, '更新失败', 'Update failed')}: {lang === 'zh' ? s.lastError.zh : s.lastError.en}（{stays(lang, s)}）</div>}
            {s.updating && <UpdateProgress lang={lang} p={progress[s.url]} />}
            <div class="row">
              <button type="button" onClick={() => act(send('options:update', { url: s.url }))}>{tr(lang, '立即更新', 'Update now')}</button>
              <button type="button" onClick={() => act(send('options:unsubscribe', { url: s.url }))}>{tr(lang, '删除', 'Remove')}</button>
            </div>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={(e) => { e.preventDefault(); void act(send('options:subscribe', { url })).then(() => setUrl('')); }}>
        <label for="list-url">{tr(lang, '名单地址（.ndjson、压缩格式 .pack.json 或站点适配数据 .adapters.json，旁边需有 .sig 签名文件）', 'List URL (.ndjson, packed .pack.json or site adapter data .adapters.json, with its .sig beside it)')}</label>
        <input id="list-url" type="url" required value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <button type="submit">{tr(lang, '订阅', 'Subscribe')}</button>
      </form>
      <p aria-live="polite" data-testid="lists-message">{message}</p>
    </section>
  );
}

/** A determinate bar when the download size is known, an indeterminate one before the first bytes arrive. */
/** What stays in force after a failed update: the version kept, or for adapter data with none the bundled adapters. */
function stays(lang: Lang, s: Subscription): string {
  if (s.version !== undefined) return tr(lang, '仍使用旧版本', 'the previous version stays in force');
  return s.url.endsWith(ADAPTERS_SUFFIX) ? tr(lang, '仍使用内置适配器', 'the bundled adapters stay in force') : tr(lang, '未启用任何版本', 'no version is in force');
}

function UpdateProgress({ lang, p }: { lang: Lang; p?: ListProgress }) {
  const label = tr(lang, '正在更新', 'Updating');
  const kb = p ? `${Math.round(p.read / 1024)} kB` : '';
  return (
    <div class="row" data-testid="list-progress">
      {p?.total ? <progress aria-label={label} max={p.total} value={p.read} /> : <progress aria-label={label} />}
      <span class="muted">{label}{kb && ` · ${kb}`}{p?.total ? ` / ${Math.round(p.total / 1024)} kB` : ''}</span>
    </div>
  );
}

/** A list past its signed timestamp: it no longer vouches for "clean", its entries still warn. */
function NotCurrent({ lang, since }: { lang: Lang; since: string }) {
  const at = since.replace('T', ' ').slice(0, 16);
  return (
    <div class="error" role="status" data-testid="list-not-current">
      {tr(lang, `名单自 ${at} 起未更新：不再据此判断“未上名单”，名单上的警示仍会显示`, `List not current since ${at}: it no longer vouches that a shop is on no list; its warnings still show`)}
    </div>
  );
}
