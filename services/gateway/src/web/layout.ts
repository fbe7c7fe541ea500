// The frame of every storefront page: skip link, header with search and account links, category
// navigation, main landmark, footer. Server-rendered; the script only enhances.
import type { PageViewer } from '../http/server';
import { html, path, type SafeHtml } from './html';
import type { Asset } from './assets';

export interface Frame {
  title: string;
  viewer: PageViewer;
  categories?: Array<{ id: string; name: string }>;
  /** The search box's current text. */
  query?: string;
  /** The current category, highlighted in the navigation. */
  categoryId?: string;
  main: SafeHtml;
}

export class Layout {
  constructor(private readonly assets: Map<string, Asset>) {}

  url(name: string): string {
    return this.assets.get(name)?.url ?? `/static/${name}`;
  }

  render(f: Frame): string {
    const user = f.viewer.user;
    const isAdmin = user?.roles.includes('admin');
    const current = (href: string) => (f.viewer.path === href ? html` aria-current="page"` : '');
    return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title} · Mercato</title>
<link rel="stylesheet" href="${this.url('app.css')}">
<link rel="icon" href="${this.url('favicon.svg')}" type="image/svg+xml">
<script src="${this.url('app.js')}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/">Mercato</a>
    <form class="search" role="search" action="/search" method="get">
      <label for="site-search" class="visually-hidden">Search products</label>
      <input id="site-search" name="q" type="search" maxlength="200" placeholder="Search products" value="${f.query ?? ''}">
      <button type="submit">Search</button>
    </form>
    <nav class="account" aria-label="Account">
      <ul>
        <li><a href="/cart"${current('/cart')}>Cart</a></li>
        ${
          user
            ? html`<li><a href="/orders"${current('/orders')}>My orders</a></li>
        ${isAdmin ? html`<li><a href="/admin/sales"${current('/admin/sales')}>Sales</a></li>` : ''}
        <li><form action="/signout" method="post" class="inline"><input type="hidden" name="_csrf" value="${f.viewer.csrfToken}"><button type="submit" class="link">Sign out <span class="visually-hidden">${user.name}</span></button></form></li>`
            : html`<li><a href="/signin"${current('/signin')}>Sign in</a></li>
        <li><a href="/signup"${current('/signup')}>Sign up</a></li>`
        }
      </ul>
    </nav>
  </div>
  ${
    f.categories?.length
      ? html`<nav class="categories" aria-label="Categories"><ul>${f.categories.map(
          (c) => html`<li><a href="${path('/c', c.id)}"${c.id === f.categoryId ? html` aria-current="page"` : ''}>${c.name}</a></li>`,
        )}</ul></nav>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${f.main}
</main>
<footer class="site-footer">
  <p>Mercato — a demo store. Test cards: 4242 4242 4242 4242 approves, 4000 0000 0000 0002 is declined.</p>
  <p><a href="/openapi.json">JSON API (OpenAPI)</a></p>
</footer>
</body>
</html>`}\n`;
  }
}
