// How a placed order's final state maps to the checkout's HTTP answer: each failure reason gets its
// own status and error code, so clients (and loadgen) can tell a business "no" from a broken suite.
import type { Order__Output } from '@mercato/protos/gen/mercato/orders/v1/Order';
import { checkoutOutcome } from '../src/shop/shop';

const order = (status: string, failureReason = 'FAILURE_REASON_UNSPECIFIED'): Order__Output => ({ status, failureReason, failureMessage: 'why' }) as unknown as Order__Output;

describe('checkoutOutcome', () => {
  it.each([
    ['ORDER_STATUS_CONFIRMED', undefined, 201, undefined],
    ['ORDER_STATUS_PENDING', undefined, 202, undefined],
    ['ORDER_STATUS_FAILED', 'FAILURE_REASON_PAYMENT_DECLINED', 402, 'payment_declined'],
    ['ORDER_STATUS_FAILED', 'FAILURE_REASON_OUT_OF_STOCK', 409, 'out_of_stock'],
    ['ORDER_STATUS_FAILED', 'FAILURE_REASON_RISK_DECLINED', 422, 'order_declined'],
    ['ORDER_STATUS_FAILED', 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', 422, 'unavailable'],
    ['ORDER_STATUS_FAILED', 'FAILURE_REASON_PRODUCT_UNAVAILABLE', 422, 'conflict'],
  ])('%s %s answers %i %s', (status, reason, http, code) => {
    const outcome = checkoutOutcome(order(status, reason));
    expect(outcome.status).toBe(http);
    expect(outcome.error?.code).toBe(code);
    if (outcome.error) expect(outcome.error.status).toBe(http);
  });
});
