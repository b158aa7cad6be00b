/** What a refused name is told (core/model/fields.ts shownName), in English; ISSUE_ZH has its Chinese. */
export const SHOWN_NAME_REFUSED = 'must not hold control, format, zero-width, bidi or line separator characters';

/** A schema's first complaint as `path: message` (the root named by `root`), for messages people read. */
export function firstIssue(error: { issues: readonly SchemaIssue[] }, root = '(root)'): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${where(issue, root)}: ${messageOf(issue)}`;
}

/** Where an issue is, as a dotted path, or `root`. */
const where = (issue: { path: readonly PropertyKey[] }, root: string) => issue.path.map(String).join('.') || root;

/** A schema complaint as zod gives it: its message, and for zod/mini's one word its kind and what was expected. */
interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  expected?: unknown;
  keys?: readonly unknown[];
}

/**
 * The issue's message, or for zod/mini's "Invalid input" what its kind says (a missing or mistyped field: `expected
 * object`; a field the format does not have: `unknown field "x"`, quoted as JSON so a key's line breaks stay escaped).
 */
function messageOf(issue: SchemaIssue): string {
  if (issue.message !== 'Invalid input') return issue.message;
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string' && Object.hasOwn(TYPE_ZH, issue.expected)) return `expected ${issue.expected}`;
  if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys) && issue.keys.length > 0) return `unknown field ${issue.keys.map((k) => JSON.stringify(String(k))).join(', ')}`;
  return issue.message;
}

// Chinese for the English messages schemas give: zod/mini's one word for a failed check, and the generated
// validators' (core/validate/compile.ts), by shape. A rule's own message brings its Chinese with it (`extra`).
const TYPE_ZH: Record<string, string> = { string: '字符串', number: '数字', integer: '整数', boolean: '布尔值', array: '数组', object: '对象' };
const ISSUE_ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Invalid input$/, () => '输入无效'],
  [/^expected (string|number|integer|boolean|array|object)$/, (m) => `应为${TYPE_ZH[m[1]!]}`],
  [/^expected one of (.*)$/, (m) => `应为以下之一：${m[1]}`],
  [/^expected (".*")$/, (m) => `应为 ${m[1]}`],
  [/^fits no allowed form$/, () => '不符合任何允许的形式'],
  [/^at least (\d+) characters$/, (m) => `至少 ${m[1]} 个字符`],
  [/^at most (\d+) characters$/, (m) => `至多 ${m[1]} 个字符`],
  [/^at least (\d+) items$/, (m) => `至少 ${m[1]} 项`],
  [/^at most (\d+) items$/, (m) => `至多 ${m[1]} 项`],
  [/^at least (-?[\d.e+]+)$/, (m) => `不小于 ${m[1]}`],
  [/^at most (-?[\d.e+]+)$/, (m) => `不大于 ${m[1]}`],
  [/^a multiple of (\d+)$/, (m) => `应为 ${m[1]} 的倍数`],
  [/^must match (.*)$/, (m) => `应符合 ${m[1]}`],
  [/^must be a URL$/, () => '应为网址'],
  [new RegExp(`^${SHOWN_NAME_REFUSED}$`), () => '不得含控制字符、格式字符、零宽字符、双向控制字符或行分隔符'],
  [/^unknown field (.*)$/, (m) => `没有这个字段：${m[1]}`],
];

/**
 * A schema's first complaint in each language, `[path：中文, path: English]`, for a message that says the rest of
 * its sentence in each language too: the Chinese from the shapes above or from `extra` (a rule table's message →
 * Chinese), the English message in both halves when neither knows it.
 */
export function firstIssuePair(error: { issues: readonly SchemaIssue[] }, root = '(root)', extra: Readonly<Record<string, string>> = {}): [zh: string, en: string] {
  const issue = error.issues[0];
  if (!issue) return ['无效', 'invalid'];
  const at = where(issue, root);
  const message = messageOf(issue);
  return [`${at}：${chineseOf(message, extra) ?? message}`, `${at}: ${message}`];
}

// The Chinese for a schema message, from `extra` first, then the shapes; undefined when neither knows it.
function chineseOf(message: string, extra: Readonly<Record<string, string>>): string | undefined {
  if (Object.hasOwn(extra, message)) return extra[message];
  for (const [re, say] of ISSUE_ZH) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return undefined;
}

/**
 * A schema's first complaint as `path: 中文 / English` for messages people read in either language (the CLI, list
 * imports): the Chinese from the shapes above or from `extra` (a rule table's message → Chinese); the English alone
 * when neither knows the message.
 */
export function firstIssueBoth(error: { issues: readonly SchemaIssue[] }, root = '(root)', extra: Readonly<Record<string, string>> = {}): string {
  const issue = error.issues[0];
  if (!issue) return '无效 / invalid';
  const message = messageOf(issue);
  const zh = chineseOf(message, extra);
  const at = where(issue, root);
  return zh === undefined ? `${at}: ${message}` : `${at}: ${zh} / ${message}`;
}

/** A named failure's zh and en words from its table, with its `detail` (a key id, a date) appended. */
export function failureText<E extends string>(table: Record<E, readonly [zh: string, en: string]>, { error, detail }: { error: E; detail?: string }): [zh: string, en: string] {
  const [zh, en] = table[error];
  return detail ? [`${zh}：${detail}`, `${en}: ${detail}`] : [zh, en];
}
