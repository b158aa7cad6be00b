/** A schema's first complaint as `path: message` (the root named by `root`), for messages people read. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, root = '(root)'): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.map(String).join('.') || root}: ${issue.message}`;
}

/** A named failure's zh and en words from its table, with its `detail` (a key id, a date) appended. */
export function failureText<E extends string>(table: Record<E, readonly [zh: string, en: string]>, { error, detail }: { error: E; detail?: string }): [zh: string, en: string] {
  const [zh, en] = table[error];
  return detail ? [`${zh}：${detail}`, `${en}: ${detail}`] : [zh, en];
}
