// CSV for reports and exports (RFC 4180), shared by the command and the extension.
/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; formula-looking text is defused. */
export function csvField(value: unknown): string {
  let s = value === undefined || value === null ? '' : String(value);
  // A leading = + - @ would run as a formula when a spreadsheet opens the report.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends and a UTF-8 BOM, so spreadsheet programs read Chinese correctly. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Parses CSV made by toCsv (quoted fields, doubled quotes, CRLF); used to check exports round-trip. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || (c === '\r' && s[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}
