// The OpenAPI document against the contract: every route the contract lists, and every API route
// the gateway answers, is described with its parameters, body and responses.
import { apiRoutes, API } from '../src/api/routes';
import { openApiDocument } from '../src/openapi';
import type { Route } from '../src/http/router';

// The contract (gateway-api.md), route by route.
const CONTRACT: Array<[string, string]> = [
  ['post', '/auth/signup'],
  ['post', '/auth/signin'],
  ['post', '/auth/signout'],
  ['get', '/me'],
  ['get', '/categories'],
  ['get', '/products'],
  ['get', '/search'],
  ['get', '/products/{id}'],
  ['get', '/products/{id}/reviews'],
  ['post', '/products/{id}/reviews'],
  ['get', '/cart'],
  ['post', '/cart/items'],
  ['patch', '/cart/items/{product_id}'],
  ['delete', '/cart/items/{product_id}'],
  ['delete', '/cart'],
  ['post', '/shipping/quotes'],
  ['post', '/checkout'],
  ['get', '/orders'],
  ['get', '/orders/{id}'],
  ['get', '/admin/sales'],
];

type Operation = { operationId: string; parameters?: Array<{ name: string; in: string; required: boolean }>; requestBody?: unknown; responses: Record<string, { content?: unknown }>; security?: unknown };

describe('OpenAPI document', () => {
  // Handlers are not called here: the document is made from the table alone.
  const routes: Route[] = apiRoutes({} as never);
  const doc = openApiDocument(routes) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it.each(CONTRACT)('describes %s %s from the contract', (method, path) => {
    const op = doc.paths[`${API}${path}`]?.[method];
    expect(op).toBeDefined();
    expect(Object.keys(op!.responses).length).toBeGreaterThan(0);
  });

  it('describes every API route the gateway answers, with its path parameters and body', () => {
    const apiRouteList = routes.filter((r) => r.kind === 'api');
    expect(apiRouteList.length).toBeGreaterThanOrEqual(CONTRACT.length);
    for (const r of apiRouteList) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect({ route: `${r.method} ${r.path}`, documented: Boolean(op) }).toEqual({ route: `${r.method} ${r.path}`, documented: true });
      for (const name of [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(op!.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
      }
      if (['POST', 'PATCH', 'PUT'].includes(r.method) && r.doc?.body) expect(op!.requestBody).toBeDefined();
      if (r.access !== 'public') {
        expect(op!.security).toBeDefined();
        expect(op!.responses['401']).toBeDefined();
      }
    }
  });

  it('gives every operation a unique id and resolves every schema reference', () => {
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(Object.keys(doc.components.schemas)).toContain(name);
  });

  it('documents the checkout outcomes and the rate limits', () => {
    const checkout = doc.paths[`${API}/checkout`]!.post!;
    expect(Object.keys(checkout.responses)).toEqual(expect.arrayContaining(['201', '202', '400', '401', '402', '409', '422', '429']));
    expect(Object.keys(doc.paths[`${API}/auth/signin`]!.post!.responses)).toContain('429');
  });
});
