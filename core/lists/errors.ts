/** Why a list file was refused; stable codes for programs, zh + en text for people. */
export type ListErrorCode =
  | 'empty'
  | 'bad-header'
  | 'line-too-long'
  | 'bad-lines'
  | 'count-mismatch'
  | 'bad-signature-file'
  | 'key-mismatch'
  | 'unknown-key'
  | 'wrong-role'
  | 'publisher-mismatch'
  | 'digest-mismatch'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-issued'
  | 'older-version'
  | 'aborted'
  | 'read-failed'
  | 'store-failed'
  | 'bad-pack'
  | 'delta-mismatch'
  | 'delta-too-large'
  | 'not-current'
  | 'bad-adapters';

const TEXT: Record<ListErrorCode, [zh: string, en: string]> = {
  empty: ['名单文件为空', 'the list file is empty'],
  'bad-header': ['名单文件头（第 1 行）无效', 'the list header (line 1) is invalid'],
  'line-too-long': ['行过长', 'a line is too long'],
  'bad-lines': ['名单中有无效的行，整个文件未导入', 'the list has invalid lines; nothing was imported'],
  'count-mismatch': ['条目数与文件头声明不符（文件可能被截断）', 'the entry count differs from the header (the file may be truncated)'],
  'bad-signature-file': ['签名文件无效', 'the signature file is invalid'],
  'key-mismatch': ['签名文件与名单的密钥编号不一致', 'the signature and the list name different keys'],
  'unknown-key': ['签名密钥未知或已撤销', 'the signing key is unknown or revoked'],
  'wrong-role': ['签名密钥不属于名单发布者，或无权签署此类文件（例如平台密钥只能签发店铺标识）', 'the signing key is not a list publisher\'s, or may not sign this kind of file (a platform key signs shop marks only)'],
  'publisher-mismatch': ['名单声明的发布者不是签名密钥的持有者', 'the publisher named in the list header does not hold the signing key'],
  'digest-mismatch': ['文件内容与签名不符（被修改或截断）', 'the file does not match its signature (changed or truncated)'],
  'bad-signature': ['签名验证失败', 'the signature does not verify'],
  expired: ['名单已过期', 'the list has expired'],
  'not-yet-issued': ['名单的签发时间在未来', 'the list is issued in the future'],
  'older-version': ['该版本比已导入的版本旧', 'this version is older than the one in force'],
  aborted: ['导入被中断，原名单保持不变', 'the import was interrupted; the previous list is unchanged'],
  'read-failed': ['读取名单文件失败', 'reading the list file failed'],
  'store-failed': ['写入本地存储失败', 'writing to local storage failed'],
  'bad-pack': ['压缩名单文件无效', 'the packed list is invalid'],
  'delta-mismatch': ['增量更新与本地名单版本不符，需下载完整名单', 'the delta does not apply to the list in force; the full list is needed'],
  'delta-too-large': ['增量更新过大，改为下载完整名单', 'the delta is too large; the full list is needed instead'],
  'not-current': ['名单不是最新版本（更新被扣留或无法获取）', 'the list is not current (the update is withheld or cannot be fetched)'],
  'bad-adapters': ['站点适配数据文件无效（格式、大小、未知字段或不安全的正则表达式），未做任何更改', 'the adapter data file is invalid (format, size, unknown fields or an unsafe pattern); nothing was changed'],
};

/**
 * A refused list file; `detail` says what exactly (a line number, a key id, a version), `detailZh` the same in
 * Chinese where it is words rather than data.
 */
export class ListError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(readonly code: ListErrorCode, readonly detail?: string, readonly line?: number, detailZh?: string) {
    const [zh, en] = TEXT[code];
    super(detail ? `${en}: ${detail}` : en);
    this.name = 'ListError';
    this.zh = (detailZh ?? detail) ? `${zh}：${detailZh ?? detail}` : zh;
    this.en = this.message;
  }
}

/** Any thrown value as a ListError (an abort stays an abort). */
export function toListError(err: unknown, fallback: ListErrorCode = 'read-failed'): ListError {
  if (err instanceof ListError) return err;
  const e = err as { name?: string; message?: string };
  if (e?.name === 'AbortError') return new ListError('aborted');
  return new ListError(fallback, e?.message ?? String(err));
}
