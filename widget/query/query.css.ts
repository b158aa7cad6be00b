export const QUERY_CSS = `
form{display:flex;flex-direction:column;gap:8px;padding:12px;background:var(--bg);border:1px solid var(--line);border-radius:var(--r);min-block-size:188px}
.h{font-weight:700;font-size:15px}
.row{display:flex;gap:8px}
input{flex:1;min-inline-size:0;font:inherit;padding:6px 8px;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px}
input[aria-invalid=true]{border-color:var(--danger)}
button{font:inherit;padding:6px 14px;border:0;border-radius:6px;background:var(--focus);color:var(--bg);cursor:pointer}
.m{font-size:12px;color:var(--mute);min-block-size:17px}.m.bad{color:var(--danger)}.m.ok{color:var(--good)}
ul{display:flex;flex-wrap:wrap;gap:4px 14px;margin:0;padding:0;list-style:none;font-size:13px}
a{color:var(--focus)}
.ans{font-size:13px;border-inline-start:4px solid var(--tone);padding-inline-start:8px}
`;
