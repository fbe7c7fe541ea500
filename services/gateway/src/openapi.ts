// The OpenAPI 3.1 document of the JSON API, built from the route table: a route's parameters and
// body are the schemas that validate it, so the document cannot describe a different API.
import type { JsonSchema } from './http/schema';
import type { Route } from './http/router';

const money: JsonSchema = {
  type: 'object',
  description: 'An exact amount: units + nanos / 10^9 (never a float), with a display string.',
  properties: { currency_code: { type: 'string', example: 'USD' }, units: { type: 'integer' }, nanos: { type: 'integer' }, display: { type: 'string', example: '$12.34' } },
  required: ['currency_code', 'units', 'nanos', 'display'],
};
const nullable = (s: JsonSchema): JsonSchema => ({ oneOf: [{ type: 'null' }, s] });
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const int = { type: 'integer' };
const time = { type: ['string', 'null'], format: 'date-time' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const line = { type: 'object', properties: { product_id: str, product_name: str, quantity: int, unit_price: ref('Money'), line_total: ref('Money') } };
const ORDER_STATUS = { type: ['string', 'null'], enum: ['pending', 'confirmed', 'failed', 'shipped', 'delivered', null] };
const SHIPMENT_STATUS = { type: ['string', 'null'], enum: ['label_created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'exception', null] };

const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  Money: money,
  ErrorDetail: {
    type: 'object',
    properties: {
      code: { type: 'string', enum: ['invalid_argument', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'payment_declined', 'order_declined', 'out_of_stock', 'rate_limited', 'unavailable', 'internal'] },
      message: str,
      field: { type: 'string', description: 'The field at fault, as the JSON names it (e.g. "shipping_address.postal_code").' },
    },
    required: ['code', 'message'],
  },
  Error: { type: 'object', properties: { error: ref('ErrorDetail') }, required: ['error'] },
  User: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, email: { type: 'string', format: 'email' }, name: str, roles: { type: 'array', items: str } }, required: ['id', 'email', 'name', 'roles'] },
  Category: { type: 'object', properties: { id: str, name: str, description: str, parent_id: strOrNull, product_count: int } },
  Product: {
    type: 'object',
    properties: { id: str, name: str, description: str, category_id: str, tags: { type: 'array', items: str }, price: ref('Money'), image_url: str, weight_grams: int, average_rating: { type: 'number' }, review_count: int, create_time: time },
  },
  Review: { type: 'object', properties: { id: str, product_id: str, author_name: str, rating: { type: 'integer', minimum: 1, maximum: 5 }, title: str, body: str, create_time: time } },
  ReviewSummary: { type: 'object', properties: { overall: str, pros: { type: 'array', items: str }, cons: { type: 'array', items: str }, review_count: int, average_rating: { type: 'number' }, engine: strOrNull } },
  Cart: { type: 'object', properties: { cart_id: str, items: { type: 'array', items: line }, subtotal: ref('Money'), item_count: int, update_time: time } },
  Address: {
    type: 'object',
    properties: { recipient: str, address_lines: { type: 'array', items: str }, locality: str, administrative_area: str, postal_code: str, region_code: str, phone: str },
  },
  Quote: { type: 'object', properties: { speed: { type: 'string', enum: ['standard', 'express', 'overnight'] }, cost: ref('Money'), carrier: str, min_transit_days: int, max_transit_days: int } },
  Order: {
    type: 'object',
    properties: {
      order_id: { type: 'string', format: 'uuid' },
      status: ORDER_STATUS,
      lines: { type: 'array', items: line },
      subtotal: nullable(ref('Money')),
      shipping_cost: nullable(ref('Money')),
      total: nullable(ref('Money')),
      shipping_address: nullable(ref('Address')),
      shipping_speed: strOrNull,
      card: nullable({ type: 'object', properties: { brand: strOrNull, last4: str, expiry_month: int, expiry_year: int } }),
      tracking_number: strOrNull,
      shipment_status: SHIPMENT_STATUS,
      carrier: strOrNull,
      estimated_delivery_time: time,
      failure_reason: { type: ['string', 'null'], description: 'e.g. payment_declined, out_of_stock' },
      failure_message: strOrNull,
      timeline: { type: 'array', items: { type: 'object', properties: { event_type: str, description: str, event_time: time } } },
      create_time: time,
      update_time: time,
    },
  },
  OrderSummary: { type: 'object', properties: { order_id: { type: 'string', format: 'uuid' }, status: ORDER_STATUS, total: nullable(ref('Money')), item_count: int, shipment_status: SHIPMENT_STATUS, place_time: time } },
  Sales: {
    type: 'object',
    properties: {
      hours: { type: 'array', items: { type: 'object', properties: { hour_start_time: time, order_count: int, failed_order_count: int, revenue: ref('Money') } } },
      top_products: { type: 'array', items: { type: 'object', properties: { product_id: str, product_name: str, units_sold: int, revenue: ref('Money') } } },
      total_orders: int,
      total_revenue: ref('Money'),
      average_order_value: ref('Money'),
    },
  },
};

const SECURITY_NOTE = `Authenticate with "Authorization: Bearer <token>" (the token from sign-up or sign-in), or with the mercato_session cookie. Cookie-authenticated POST, PUT, PATCH and DELETE requests must send X-CSRF-Token equal to the mercato_csrf cookie. Guests keep a cart in the mercato_cart cookie, or pass X-Cart-Id: <uuid>.`;

export function openApiDocument(routes: readonly Route[], version = '1.0.0'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    if (r.kind !== 'api' || !r.doc) continue;
    const d = r.doc;
    const parameters: unknown[] = [];
    for (const [name, s] of Object.entries(d.params?.props ?? {})) parameters.push({ name, in: 'path', required: true, schema: s.json() });
    for (const [name, s] of Object.entries(d.query?.props ?? {})) parameters.push({ name, in: 'query', required: !s.optional, schema: s.json() });
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(d.responses)) {
      responses[status] = {
        description: res.description,
        ...(res.schema ? { content: { 'application/json': { schema: res.schema } } } : {}),
        ...(res.headers ? { headers: Object.fromEntries(Object.entries(res.headers).map(([h, description]) => [h, { description, schema: { type: 'integer' } }])) } : {}),
      };
    }
    (paths[r.path] ??= {})[r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: d.summary,
      ...(d.description ? { description: d.description } : {}),
      tags: [d.tag],
      ...(r.access !== 'public' ? { security: [{ bearer: [] }, { cookie: [] }] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(d.body ? { requestBody: { required: true, content: { 'application/json': { schema: d.body.json() } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Mercato storefront API', version, description: `The JSON API of the Mercato gateway. ${SECURITY_NOTE} Errors answer {"error": {"code", "message", "field"?}}.` },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: COMPONENT_SCHEMAS,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (EdDSA)' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'mercato_session' },
      },
    },
  };
}
