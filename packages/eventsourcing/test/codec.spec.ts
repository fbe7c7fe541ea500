import { validate as isUuid, version as uuidVersion } from './uuid';
import { commandEventId, decodeEvent, encodeEvent, eventIds, PROTOBUF, UnknownEventTypeError } from '../src';
import { ADDED, addItem, cart, type CartEvent } from './cart-decider';

describe('event codec', () => {
  it('round-trips a cart event through protobuf bytes', () => {
    const [event] = cart.decide(addItem('p1', 3), cart.initialState());
    const stored = encodeEvent(event!, 'id-1', { 'correlation-id': 'c' });
    expect(stored).toMatchObject({ id: 'id-1', type: ADDED, contentType: PROTOBUF, metadata: { 'correlation-id': 'c' } });
    expect(stored.data).toBeInstanceOf(Uint8Array);
    expect(decodeEvent<CartEvent>(stored)).toEqual(event);
  });

  it('names an unknown type, on write and on read', () => {
    expect(() => encodeEvent({ type: 'mercato.cart.v1.Nope', data: {} }, 'x')).toThrow(UnknownEventTypeError);
    expect(() => decodeEvent({ type: 'mercato.cart.v1.Nope', data: new Uint8Array() })).toThrow(/unknown event type "mercato.cart.v1.Nope"/);
  });

  it('derives the same UUID v5 ids from a command id, random ones without', () => {
    const a = eventIds(3, 'cmd-42');
    expect(a).toEqual(eventIds(3, 'cmd-42'));
    expect(new Set(a).size).toBe(3);
    expect(a[0]).toBe(commandEventId('cmd-42', 0));
    expect(a.every((id) => isUuid(id) && uuidVersion(id) === 5)).toBe(true);
    const r = eventIds(2);
    expect(r).not.toEqual(eventIds(2));
    expect(r.every((id) => isUuid(id) && uuidVersion(id) === 4)).toBe(true);
  });
});
