/** Masks a natural person's name (张三丰 → 张*丰, 张三 → 张*); already-masked names pass unchanged. */
export function maskName(name: string): string {
  const c = [...name.trim()];
  if (c.includes('*') || c.length < 2) return c.length < 2 ? '*' : name;
  return c.length === 2 ? `${c[0]}*` : `${c[0]}${'*'.repeat(c.length - 2)}${c[c.length - 1]}`;
}
