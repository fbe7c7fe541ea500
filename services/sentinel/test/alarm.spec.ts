// The alarm decider, given / when / then: events before, one command, the events it decides.
import { decideAlarm, evolveAlarm, initialAlarm, type AlarmCommand, type AlarmEvent, type AlarmSettings } from '../src/model/alarm';

const MIN = 60_000;
const settings: AlarmSettings = { horizonMs: 30 * MIN, enterConfidence: 0.9, holdConfidence: 0.5, persistenceMs: 3 * MIN, recoveryMs: 10 * MIN, criticalEtaMs: 10 * MIN, staleMs: 5 * MIN };

function given(events: AlarmEvent[]) {
  const state = events.reduce(evolveAlarm, initialAlarm());
  return {
    when: (command: AlarmCommand) => ({
      then: (expected: AlarmEvent[]) => expect(decideAlarm(command, state, settings)).toEqual(expected),
    }),
  };
}

const assess = (time: number, over: Partial<Extract<AlarmCommand, { type: 'Assess' }>> = {}): AlarmCommand => ({ type: 'Assess', time, above: false, etaMs: 20 * MIN, confidence: 0.95, rising: true, ...over });
const quiet = (time: number): AlarmCommand => assess(time, { etaMs: undefined, confidence: 0 });

describe('the alarm', () => {
  it('starts a forecast when a confident, rising breach is within the horizon', () => {
    given([]).when(assess(0)).then([{ type: 'BreachForecast', time: 0 }]);
  });

  it('does not start one for a breach beyond the horizon, a weak one, or one that stopped rising', () => {
    given([]).when(assess(0, { etaMs: 31 * MIN })).then([]);
    given([]).when(assess(0, { confidence: 0.89 })).then([]);
    given([]).when(assess(0, { rising: false })).then([]);
  });

  it('announces a prediction only once the forecast has held for the persistence time', () => {
    given([{ type: 'BreachForecast', time: 0 }]).when(assess(2 * MIN)).then([]);
    given([{ type: 'BreachForecast', time: 0 }]).when(assess(3 * MIN)).then([{ type: 'PredictionOpened', time: 3 * MIN, etaMs: 20 * MIN, confidence: 0.95, severity: 'warning' }]);
  });

  it('keeps a forecast through a dip in confidence above the hold level, and drops it below', () => {
    given([{ type: 'BreachForecast', time: 0 }]).when(assess(MIN, { confidence: 0.6 })).then([]);
    given([{ type: 'BreachForecast', time: 0 }]).when(assess(MIN, { confidence: 0.4 })).then([{ type: 'ForecastWithdrawn', time: MIN }]);
  });

  it('is critical when the breach is close', () => {
    given([{ type: 'BreachForecast', time: 0 }]).when(assess(3 * MIN, { etaMs: 5 * MIN })).then([{ type: 'PredictionOpened', time: 3 * MIN, etaMs: 5 * MIN, confidence: 0.95, severity: 'critical' }]);
  });

  const opened: AlarmEvent[] = [
    { type: 'BreachForecast', time: 0 },
    { type: 'PredictionOpened', time: 3 * MIN, etaMs: 20 * MIN, confidence: 0.95, severity: 'warning' },
  ];

  it('updates an open prediction while the forecast holds', () => {
    given(opened).when(assess(4 * MIN, { etaMs: 8 * MIN })).then([{ type: 'PredictionUpdated', time: 4 * MIN, etaMs: 8 * MIN, confidence: 0.95, severity: 'critical' }]);
  });

  it('resolves it as breached when the signal crosses the line', () => {
    given(opened).when(assess(10 * MIN, { above: true })).then([
      { type: 'PredictionResolved', time: 10 * MIN, outcome: 'breached' },
      { type: 'BreachObserved', time: 10 * MIN, predicted: true },
    ]);
  });

  it('resolves it as recovered once the forecast has stayed clear for the recovery time', () => {
    given(opened).when(quiet(12 * MIN)).then([]);
    given(opened).when(quiet(13 * MIN)).then([{ type: 'PredictionResolved', time: 13 * MIN, outcome: 'recovered' }]);
  });

  it('resolves it as stale when the signal stops reporting', () => {
    given(opened).when({ type: 'Expire', time: 20 * MIN }).then([{ type: 'PredictionResolved', time: 20 * MIN, outcome: 'stale' }]);
    given([]).when({ type: 'Expire', time: 20 * MIN }).then([]);
  });

  it('records an unpredicted breach, and clears it a few minutes after the signal is back under the line', () => {
    given([]).when(assess(0, { above: true })).then([{ type: 'BreachObserved', time: 0, predicted: false }]);
    const breached: AlarmEvent[] = [{ type: 'BreachObserved', time: 0, predicted: false }];
    given(breached).when(assess(MIN, { above: true })).then([{ type: 'BreachOngoing', time: MIN }]);
    given(breached).when(quiet(2 * MIN)).then([]);
    given(breached).when(quiet(3 * MIN)).then([{ type: 'BreachCleared', time: 3 * MIN }]);
  });

  it('never predicts while a breach is on', () => {
    given([{ type: 'BreachObserved', time: 0, predicted: false }]).when(assess(MIN, { above: false })).then([]);
  });
});
