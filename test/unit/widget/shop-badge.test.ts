// @vitest-environment happy-dom
import { ShopBadge } from '../../../widget/ui/ShopBadge';

describe('ShopBadge', () => {
  it('draws level, name and reason as text and calls onOpen on click', () => {
    const host = document.createElement('div');
    let opened = 0;
    host.append(ShopBadge({ lang: 'zh', verdict: { level: 'danger', reasons: [] }, subject: { name: '<b>示例</b>', kind: 'company' }, reason: '列入黑名单', onOpen: () => opened++ }));
    const b = host.querySelector('button')!;
    expect(b.textContent).toContain('<b>示例</b>');
    expect(host.querySelector('b')).toBeNull();
    expect(b.textContent).toContain('风险提示');
    expect(b.getAttribute('data-level')).toBe('danger');
    b.click();
    expect(opened).toBe(1);
  });
  it('shows "invalid mark" instead of the name for a warning, in English too', () => {
    const host = document.createElement('div');
    host.append(ShopBadge({ lang: 'en', warning: true, verdict: { level: 'danger', reasons: [] }, subject: { name: 'X Co', kind: 'company' }, reason: 'Copied' }));
    expect(host.textContent).toContain('Invalid mark');
    expect(host.textContent).not.toContain('X Co');
  });
});
