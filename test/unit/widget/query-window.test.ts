// @vitest-environment happy-dom
import { pickSites, QueryWindow } from '../../../widget/query/QueryWindow';

const settle = () => new Promise((ok) => setTimeout(ok, 0));

function typeInto(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('QueryWindow', () => {
  it('checks the code as it is typed, in the same box: the input is never replaced', async () => {
    const seen: string[] = [];
    const form = QueryWindow({ lang: 'zh', sites: pickSites(), onValue: (v) => seen.push(v) });
    document.body.append(form);
    const input = form.querySelector('input')!;
    input.focus();
    typeInto(input, '91990000MA');
    await settle();
    expect(form.querySelector('#xq-m')!.textContent).toBe('已输入 10/18 位');
    expect(form.querySelector('input')).toBe(input);
    expect(document.activeElement).toBe(input);
    typeInto(input, '91990000MA2H7Q013X');
    await settle();
    expect(form.querySelector('#xq-m')!.className).toBe('m bad');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(seen).toEqual(['91990000MA', '91990000MA2H7Q013X']);
  });

  it('links the official searches to the valid code, and a wrong code to the bare search page', async () => {
    const form = QueryWindow({ lang: 'en', sites: pickSites(), value: '91990000MA2H7Q013E' });
    document.body.append(form);
    await settle();
    expect(form.querySelector('#xq-m')!.textContent).toBe('Code is valid');
    // 信用中国 takes the code in its search address; the publicity system has no search address, only its home page.
    expect(form.querySelector('a')!.textContent).toBe('Credit China');
    expect(form.querySelector('a')!.getAttribute('href')).toContain('keyword=91990000MA2H7Q013E');
    typeInto(form.querySelector('input')!, '91990000MA2H7Q013X');
    await settle();
    expect([...form.querySelectorAll('a')].some((a) => a.getAttribute('href')!.includes('91990000MA2H7Q013'))).toBe(false);
  });

  it('shows no endpoint answer without an endpoint', async () => {
    const form = QueryWindow({ lang: 'zh', sites: pickSites(), value: '91990000MA2H7Q013E' });
    document.body.append(form);
    await settle();
    expect(form.querySelector<HTMLElement>('.ans')!.hidden).toBe(true);
    expect(form.querySelector('.ans')!.textContent).toBe('');
  });
});
