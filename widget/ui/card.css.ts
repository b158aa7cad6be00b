// The licence card: a modal <dialog> in the top layer, so host overflow and z-index cannot hide it.
export const CARD_CSS = `
dialog{inline-size:min(100vw - 16px,560px);max-block-size:min(100vh - 16px,720px);padding:0;border:1px solid var(--line);
border-radius:var(--r);background:var(--bg);color:var(--fg);font:inherit;overflow:auto}
dialog::backdrop{background:rgb(0 0 0 / .45)}
header{display:flex;gap:10px;align-items:center;padding:14px 16px;border-block-end:4px solid var(--tone)}
h2{margin:0;font-size:17px;flex:1;min-inline-size:0;overflow-wrap:anywhere}
h3{margin:16px 0 6px;font-size:14px;color:var(--mute)}
section{padding:0 16px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
dt{color:var(--mute)}dd{margin:0;overflow-wrap:anywhere}
ul{margin:0;padding-inline-start:18px}li{margin:2px 0}
.x{all:unset;cursor:pointer;inline-size:32px;block-size:32px;display:grid;place-items:center;border-radius:50%;font-size:18px}
.x:hover{background:var(--line)}
.warn{margin:12px 16px 0;padding:8px 10px;border-radius:var(--r);border:1px solid var(--tone);color:var(--tone);font-weight:600}
.src{font-size:12px;color:var(--mute)}
a{color:var(--focus)}
pre{white-space:pre-wrap;font:12px/1.4 ui-monospace,monospace;background:color-mix(in srgb,var(--line) 30%,transparent);padding:6px;border-radius:4px;margin:4px 0}
footer{padding:12px 16px 16px}
@media (max-width:400px){dl{grid-template-columns:1fr}dt{margin-block-start:4px}}
`;
