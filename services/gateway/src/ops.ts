// Routes for machines: readiness (/healthz, the kubelet's and the runner's probe), the OpenAPI
// document, and the storefront's static files.
import { openApiDocument } from './openapi';
import type { Route, Router } from './http/router';
import { HttpError } from './http/errors';
import type { Asset } from './web/assets';

export function opsRoutes(d: { router: Router; assets: Map<string, Asset>; ready: () => Promise<boolean> }): Route[] {
  let document: string | undefined;
  return [
    {
      method: 'GET',
      path: '/healthz',
      kind: 'ops',
      access: 'public',
      handle: async () => {
        const serving = await d.ready();
        return { type: 'json', status: serving ? 200 : 503, body: { status: serving ? 'serving' : 'not_serving' } };
      },
    },
    {
      method: 'GET',
      path: '/openapi.json',
      kind: 'ops',
      access: 'public',
      handle: async () => {
        // Built on first use, once every route is in the table.
        document ??= JSON.stringify(openApiDocument(d.router.routes));
        return { type: 'raw', status: 200, contentType: 'application/json; charset=utf-8', body: document };
      },
    },
    {
      method: 'GET',
      path: '/static/{name}',
      kind: 'asset',
      access: 'public',
      handle: async (ctx) => {
        const asset = d.assets.get(ctx.params.name ?? '');
        if (!asset) throw new HttpError('not_found', `no static file ${ctx.params.name}`);
        // A versioned URL never changes content: cache it for good; an unversioned one briefly.
        const cache = ctx.query.v === asset.hash ? 'public, max-age=31536000, immutable' : 'public, max-age=300';
        return { type: 'raw', status: 200, contentType: asset.contentType, body: asset.body, headers: { 'cache-control': cache, etag: `"${asset.hash}"` } };
      },
    },
  ];
}
