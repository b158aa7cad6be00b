// @vitest-environment happy-dom
import { render } from 'preact';
import { ShopBadge } from '../../../widget/ui/ShopBadge';

describe('ShopBadge', () => {
  it('draws level, name and reason as text and calls onOpen on click', () => {
    const host = document.createElement('div');
    let opened = 0;
    render(<ShopBadge lang="zh" verdict={{ level: 'danger', reasons: [] }} subject={{ name: '<b>示例</b>', kind: 'company' }} reason="列入黑名单" onOpen={() => opened++} />, host);
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
    render(<ShopBadge lang="en" warning verdict={{ level: 'danger', reasons: [] }} subject={{ name: 'X Co', kind: 'company' }} reason="Copied" />, host);
    expect(host.textContent).toContain('Invalid mark');
    expect(host.textContent).not.toContain('X Co');
  });
});
