/** A schema's first complaint as `path: message` (the root named by `root`), for messages people read. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, root = '(root)'): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.map(String).join('.') || root}: ${issue.message}`;
}
