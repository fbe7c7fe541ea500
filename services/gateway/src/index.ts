// The gateway's set-up and the pieces other tests and tools use (the OpenAPI builder, the API prefix).
export { gatewayConfig, setupGateway, gatewayOf, type GatewayConfig, type GatewayHandle } from './service';
export { openApiDocument } from './openapi';
export { API } from './api/routes';
export { SESSION_COOKIE, CSRF_COOKIE, CART_COOKIE } from './http/server';
