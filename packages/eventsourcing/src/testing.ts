// given / when / then for deciders, usable in any test runner: a mismatch throws a readable Error.
import { AssertionError, deepStrictEqual } from 'node:assert';
import { inspect } from 'node:util';
import { fold, type Decider } from './decider';

type ErrorClass = abstract new (...args: never[]) => Error;
type ErrorMatcher = ErrorClass | ((err: unknown) => boolean);

export interface Then<Event> {
  /** Asserts decide produced exactly these events (deep, strict equality). */
  then(expected: Event[]): void;
  /** Asserts decide threw an error of this class (or one the predicate accepts); returns it. */
  thenThrows(matcher: ErrorMatcher): unknown;
}

export function given<Command extends { type: string }, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Event[] = [],
): { when(command: Command): Then<Event> } {
  return {
    when(command) {
      const run = (): Event[] => decider.decide(command, fold(decider, events));
      const label = `given ${events.length} event(s), when ${command.type}`;
      return {
        then(expected) {
          let actual: Event[];
          try {
            actual = run();
          } catch (err) {
            throw new Error(`${label}: expected ${expected.length} event(s) but decide threw ${describe(err)}`);
          }
          try {
            deepStrictEqual(actual, expected);
          } catch (err) {
            if (!(err instanceof AssertionError)) throw err;
            throw new Error(`${label}: the events differ (+ actual, - expected)\n${err.message}`);
          }
        },
        thenThrows(matcher) {
          let actual: Event[];
          try {
            actual = run();
          } catch (err) {
            if (matches(matcher, err)) return err;
            throw new Error(`${label}: decide threw ${describe(err)}, which does not match ${matcherName(matcher)}`);
          }
          throw new Error(`${label}: expected decide to throw ${matcherName(matcher)} but it returned ${inspect(actual, { depth: 6 })}`);
        },
      };
    },
  };
}

function isErrorClass(m: ErrorMatcher): m is ErrorClass {
  return m === Error || (m as { prototype?: unknown }).prototype instanceof Error;
}

function matches(m: ErrorMatcher, err: unknown): boolean {
  return isErrorClass(m) ? err instanceof m : (m as (err: unknown) => boolean)(err);
}

function matcherName(m: ErrorMatcher): string {
  return isErrorClass(m) ? m.name : 'the predicate';
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : inspect(err);
}
