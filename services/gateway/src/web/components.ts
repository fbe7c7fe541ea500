// Small pieces the pages are made of: product cards, form fields with their error next to them,
// notices, pagers. Labels for every control; errors tied to their field with aria-describedby.
import type { ProductJson } from '../shop/json';
import { html, path, safeUrl, type SafeHtml } from './html';

/** Field name → message, as the form shows them. */
export type FieldErrors = Record<string, string>;

export function stars(rating: number, count: number): SafeHtml {
  if (count === 0) return html`<span class="rating muted">No reviews yet</span>`;
  const rounded = Math.round(rating * 10) / 10;
  return html`<span class="rating" aria-label="Rated ${rounded} out of 5 from ${count} review${count === 1 ? '' : 's'}"><span aria-hidden="true">★ ${rounded.toFixed(1)}</span> <span class="muted" aria-hidden="true">(${count})</span></span>`;
}

export function productCard(p: ProductJson, headingLevel: 'h2' | 'h3' = 'h3'): SafeHtml {
  const href = path('/p', p.id);
  const img = safeUrl(p.image_url);
  const title = headingLevel === 'h2' ? html`<h2 class="card-title"><a href="${href}">${p.name}</a></h2>` : html`<h3 class="card-title"><a href="${href}">${p.name}</a></h3>`;
  return html`<article class="card">
  ${img ? html`<img src="${img}" alt="" width="240" height="180" loading="lazy" decoding="async">` : html`<div class="img-placeholder" aria-hidden="true"></div>`}
  ${title}
  <p class="price">${p.price?.display ?? ''}</p>
  ${stars(p.average_rating, p.review_count)}
</article>`;
}

export function productGrid(products: ProductJson[], label: string): SafeHtml {
  return html`<ul class="grid" aria-label="${label}">${products.map((p) => html`<li>${productCard(p)}</li>`)}</ul>`;
}

export function notice(text: string, kind: 'info' | 'success' | 'error' = 'info'): SafeHtml {
  // Errors are announced at once; other notices politely.
  return kind === 'error' ? html`<div class="notice error" role="alert">${text}</div>` : html`<div class="notice ${kind}" role="status">${text}</div>`;
}

export function pager(nextHref: string | undefined, label = 'More results'): SafeHtml {
  return nextHref ? html`<nav class="pager" aria-label="Pages"><a href="${nextHref}" rel="next">${label} →</a></nav>` : html``;
}

export interface FieldOptions {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'tel' | 'search';
  value?: string;
  autocomplete?: string;
  required?: boolean;
  errors: FieldErrors;
  hint?: string;
  inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  min?: number;
  max?: number;
  maxlength?: number;
  minlength?: number;
  pattern?: string;
  id?: string;
}

export function field(o: FieldOptions): SafeHtml {
  const id = o.id ?? `f-${o.name}`;
  const error = o.errors[o.name];
  const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="${id}">${o.label}${o.required ? '' : html` <span class="muted">(optional)</span>`}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  <input id="${id}" name="${o.name}" type="${o.type ?? 'text'}" value="${o.value ?? ''}"${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${o.required ? html` required` : ''}${
    o.inputmode ? html` inputmode="${o.inputmode}"` : ''
  }${o.min !== undefined ? html` min="${o.min}"` : ''}${o.max !== undefined ? html` max="${o.max}"` : ''}${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${o.minlength ? html` minlength="${o.minlength}"` : ''}${
    o.pattern ? html` pattern="${o.pattern}"` : ''
  }${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}>
  ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
</div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A problem without a field (or with a field this form does not show) goes on top. */
export function formErrors(errors: FieldErrors, shown: readonly string[]): SafeHtml {
  const general = Object.entries(errors).filter(([k]) => !shown.includes(k));
  return general.length ? html`${general.map(([, m]) => notice(m, 'error'))}` : html``;
}

const STATUS_TEXT: Record<string, string> = {
  pending: 'Processing',
  confirmed: 'Confirmed',
  failed: 'Failed',
  shipped: 'Shipped',
  delivered: 'Delivered',
};

export function statusText(status: string | null): string {
  return status ? STATUS_TEXT[status] ?? status : 'Unknown';
}

export function statusBadge(status: string | null): SafeHtml {
  return html`<span class="status status-${status ?? 'unknown'}" data-status-text>${statusText(status)}</span>`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}
