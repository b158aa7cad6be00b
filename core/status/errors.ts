import { failureText } from '../model/issue';
// Kept apart from the zod schema so verifyMark (in the widget's lazy chunk) can name status problems without zod.

/** Why a status list cannot be used; each leaves a mark's status unknown, never genuine. */
export type StatusListError =
  | 'malformed' | 'unknown-key' | 'wrong-role' | 'issuer-mismatch' | 'bad-signature' | 'revoked' | 'not-yet-valid' | 'expired'
  | 'wrong-url' | 'stale' | 'bad-list' | 'unreachable';

/** zh + en for each status-list error, looked up where a person reads it (CLI, extension details), not carried in results. */
export const STATUS_ERROR_TEXT: Record<StatusListError, [zh: string, en: string]> = {
  malformed: ['状态列表格式错误', 'the status list is malformed'],
  'unknown-key': ['状态列表的签名密钥不在信任名单中', 'the status list is signed by a key outside the trust list'],
  'wrong-role': ['状态列表须由平台密钥签署', 'a status list must be signed with a platform key'],
  'issuer-mismatch': ['状态列表不属于该签发者', 'the status list belongs to another issuer'],
  'bad-signature': ['状态列表签名验证失败', 'the status list signature does not verify'],
  revoked: ['状态列表的签名密钥已被吊销', "the status list's key has been revoked"],
  'not-yet-valid': ['状态列表的签发时间或密钥尚未生效', 'the status list or its key is not valid yet'],
  expired: ['状态列表的签名密钥已过有效期', "the status list's key is past its validity"],
  'wrong-url': ['状态列表的地址与信任名单不符', 'the status list is not at the address the trust list gives'],
  stale: ['状态列表已过期，需要重新获取', 'the status list is out of date'],
  'bad-list': ['状态列表内容无法解压或长度不符', 'the status bits cannot be decompressed or have the wrong length'],
  unreachable: ['无法获取状态列表', 'the status list could not be fetched'],
};

/** The zh and en text of a failure with its detail (e.g. the date a list went stale) appended. */
export const statusErrorText = (failure: { error: StatusListError; detail?: string }) => failureText(STATUS_ERROR_TEXT, failure);
