// The decider: an aggregate's whole business rule as three pure functions (no I/O, no clock).

/** A command or an event: a discriminated union member `{ type: 'X', data: ... }`. */
export interface Message<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event, State> {
  /** The events a command produces in a state; throws a DomainError to refuse it. */
  decide(command: Command, state: State): Event[];
  /** The state after one event; must accept every event it ever produced. */
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** The state after a sequence of events, starting from `state` (default: the initial state). */
export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
  state: State = decider.initialState(),
): State {
  let s = state;
  for (const event of events) s = decider.evolve(s, event);
  return s;
}

/** For the `default:` branch of an exhaustive switch: a new command or event type fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

/**
 * The decider over a list of commands: each is decided on the state the ones before it left, and
 * the events of all of them are appended together (one write for steps that belong together).
 */
export function inSequence<Command, Event, State>(decider: Decider<Command, Event, State>): Decider<readonly Command[], Event, State> {
  return {
    initialState: () => decider.initialState(),
    evolve: (state, event) => decider.evolve(state, event),
    decide(commands, state) {
      const out: Event[] = [];
      let s = state;
      for (const command of commands) {
        const events = decider.decide(command, s);
        out.push(...events);
        s = fold(decider, events, s);
      }
      return out;
    },
  };
}
