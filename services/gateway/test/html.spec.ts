// HTML escaping: nothing a shopper or the catalog writes can become markup.
import { escapeHtml, html, safeUrl } from '../src/web/html';
import { displayMoney } from '../src/shop/json';

describe('html', () => {
  it('escapes every interpolated value, including attribute quotes', () => {
    const name = `<script>alert("x")</script>' onmouseover='x`;
    const out = html`<p title="${name}">${name}</p>`.toString();
    expect(out).not.toContain('<script>');
    expect(out).toBe(`<p title="${escapeHtml(name)}">${escapeHtml(name)}</p>`);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&#39;x');
  });

  it('keeps nested templates and joins lists, dropping null, undefined and false', () => {
    const items = ['a<b', 'c'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('allows only site, http(s) and inline image URLs', () => {
    expect(safeUrl('/p/APP-0001')).toBe('/p/APP-0001');
    expect(safeUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe('data:image/svg+xml;base64,PHN2Zz4=');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('//evil.example/x')).toBe('');
    expect(safeUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe('');
  });

  it('displays money exactly, rounded half away from zero to cents', () => {
    expect(displayMoney({ currencyCode: 'USD', units: '1234', nanos: 560_000_000 })).toBe('$1,234.56');
    expect(displayMoney({ currencyCode: 'USD', units: '0', nanos: 5_000_000 })).toBe('$0.01');
    expect(displayMoney({ currencyCode: 'EUR', units: '-3', nanos: -500_000_000 })).toBe('-€3.50');
    expect(displayMoney({ currencyCode: 'CHF', units: '10', nanos: 0 })).toBe('CHF 10.00');
    expect(displayMoney({ currencyCode: 'USD', units: '90071992547409', nanos: 990_000_000 })).toBe('$90,071,992,547,409.99');
  });
});
