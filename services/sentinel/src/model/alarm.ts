// The alarm of one signal as a decider: assessments come in (one per closed minute), events come
// out. A forecast breach must persist before it becomes a prediction (spikes and blips do not
// page anyone); a prediction resolves when the breach happens or the forecast stays clear.

export type Severity = 'warning' | 'critical';

export interface AlarmSettings {
  horizonMs: number;
  /** The probability of a breach within the horizon that starts a forecast… */
  enterConfidence: number;
  /** …and the lower one that keeps it going (hysteresis: no flicker near the line). */
  holdConfidence: number;
  /** How long a forecast breach must hold before it is announced. */
  persistenceMs: number;
  /** How long the forecast must stay clear before a prediction stands down. */
  recoveryMs: number;
  /** A prediction whose breach is this close is critical. */
  criticalEtaMs: number;
  /** Without values for this long, an open prediction resolves as stale. */
  staleMs: number;
}

export type AlarmCommand =
  | {
      type: 'Assess';
      time: number;
      /** The signal is over its line (two minutes in a row: one noisy minute is not a breach). */
      above: boolean;
      /** When the trend reaches the line; undefined when it does not rise. */
      etaMs: number | undefined;
      /** The probability that it is over the line at the horizon. */
      confidence: number;
      /** The recent minutes still rise as the trend says (a step or a plateau does not). */
      rising: boolean;
    }
  | { type: 'Expire'; time: number };

export type AlarmEvent =
  | { type: 'BreachForecast'; time: number }
  | { type: 'ForecastWithdrawn'; time: number }
  | { type: 'PredictionOpened'; time: number; etaMs: number; confidence: number; severity: Severity }
  | { type: 'PredictionUpdated'; time: number; etaMs: number; confidence: number; severity: Severity }
  | { type: 'PredictionResolved'; time: number; outcome: 'breached' | 'recovered' | 'stale' }
  | { type: 'BreachObserved'; time: number; predicted: boolean }
  | { type: 'BreachOngoing'; time: number }
  | { type: 'BreachCleared'; time: number };

export type AlarmState =
  | { phase: 'idle' }
  | { phase: 'pending'; since: number }
  | { phase: 'open'; openedAt: number; lastForecastAt: number }
  | { phase: 'breached'; lastAboveAt: number };

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

export const initialAlarm = (): AlarmState => ({ phase: 'idle' });

const severityOf = (etaMs: number, s: AlarmSettings): Severity => (etaMs <= s.criticalEtaMs ? 'critical' : 'warning');

export function decideAlarm(command: AlarmCommand, state: AlarmState, s: AlarmSettings): AlarmEvent[] {
  switch (command.type) {
    case 'Expire':
      if (state.phase === 'open') return [{ type: 'PredictionResolved', time: command.time, outcome: 'stale' }];
      if (state.phase === 'pending') return [{ type: 'ForecastWithdrawn', time: command.time }];
      if (state.phase === 'breached') return [{ type: 'BreachCleared', time: command.time }];
      return [];
    case 'Assess': {
      const { time, above, etaMs, confidence } = command;
      const ahead = etaMs !== undefined && etaMs <= s.horizonMs && command.rising;
      const starts = ahead && confidence >= s.enterConfidence;
      const holds = ahead && confidence >= s.holdConfidence;
      switch (state.phase) {
        case 'idle':
          if (above) return [{ type: 'BreachObserved', time, predicted: false }];
          return starts ? [{ type: 'BreachForecast', time }] : [];
        case 'pending':
          if (above) return [{ type: 'BreachObserved', time, predicted: false }];
          if (!holds) return [{ type: 'ForecastWithdrawn', time }];
          return time - state.since >= s.persistenceMs ? [{ type: 'PredictionOpened', time, etaMs: etaMs!, confidence, severity: severityOf(etaMs!, s) }] : [];
        case 'open':
          if (above) return [{ type: 'PredictionResolved', time, outcome: 'breached' }, { type: 'BreachObserved', time, predicted: true }];
          if (holds) return [{ type: 'PredictionUpdated', time, etaMs: etaMs!, confidence, severity: severityOf(etaMs!, s) }];
          return time - state.lastForecastAt >= s.recoveryMs ? [{ type: 'PredictionResolved', time, outcome: 'recovered' }] : [];
        case 'breached':
          // Back under the line for a few minutes: a breach that a spike caused must not hide
          // the trend that is still coming.
          if (above) return [{ type: 'BreachOngoing', time }];
          return time - state.lastAboveAt >= s.persistenceMs ? [{ type: 'BreachCleared', time }] : [];
        default:
          return assertNever(state);
      }
    }
    default:
      return assertNever(command);
  }
}

export function evolveAlarm(state: AlarmState, event: AlarmEvent): AlarmState {
  switch (event.type) {
    case 'BreachForecast':
      return { phase: 'pending', since: event.time };
    case 'ForecastWithdrawn':
    case 'BreachCleared':
      return { phase: 'idle' };
    case 'PredictionOpened':
      return { phase: 'open', openedAt: event.time, lastForecastAt: event.time };
    case 'PredictionUpdated':
      return state.phase === 'open' ? { ...state, lastForecastAt: event.time } : state;
    case 'PredictionResolved':
      return { phase: 'idle' };
    case 'BreachObserved':
    case 'BreachOngoing':
      return { phase: 'breached', lastAboveAt: event.time };
    default:
      return assertNever(event);
  }
}
