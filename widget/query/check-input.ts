import { checkUscc } from '../../core/identifiers';
import { describeUsccProblem } from '../../core/identifiers';
import { t } from '../ui/i18n';
import type { Lang } from '../ui/types';

export interface InputCheck {
  state: 'empty' | 'partial' | 'ok' | 'bad' | 'name';
  message: string;
  /** What to search for: the normalised code, or the name as typed. */
  keyword: string;
  /** Set only for a code that passes its check. */
  uscc?: string;
}

const CJK = /[\u3400-\u9fff]/;

/** Checks a USCC as it is typed (with the reason, in the page's language, when it is wrong); Chinese text is a name. */
export function checkInput(raw: string, lang: Lang): InputCheck {
  const v = raw.trim();
  const zh = lang === 'zh';
  if (!v) return { state: 'empty', message: zh ? '输入 18 位统一社会信用代码或名称' : 'Type an 18-character credit code or a name', keyword: '' };
  if (CJK.test(v)) return { state: 'name', message: zh ? '按名称查询' : 'Search by name', keyword: v };
  const code = v.replace(/[\s-]/g, '').toUpperCase();
  if (code.length < 18 && /^[0-9A-Z]*$/.test(code)) {
    return { state: 'partial', message: zh ? `已输入 ${code.length}/18 位` : `${code.length} of 18 characters`, keyword: code };
  }
  const r = checkUscc(code);
  if (r.valid) return { state: 'ok', message: t(lang, 'codeOk'), keyword: r.code, uscc: r.code };
  return { state: 'bad', message: `${zh ? '代码有误：' : 'Invalid code: '}${describeUsccProblem(r.problem, lang)}`, keyword: code };
}
