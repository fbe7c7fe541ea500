// Command-line options: defaults, and a clear error naming the option for each bad value.
import { parseCliArgs } from '../src/cli';
import { DEFAULT_WEIGHTS } from '../src/mix';
import { OptionError, type RunOptions } from '../src/options';

function options(argv: string[]): RunOptions {
  const c = parseCliArgs(argv);
  if (c.help) throw new Error('expected options, got --help');
  return c.options;
}

describe('loadgen command line', () => {
  it('defaults to 5/s for 60 s with a 5 s ramp against the npm start gateway', () => {
    const o = options([]);
    expect(o).toMatchObject({ targetUrl: 'http://127.0.0.1:8080', rate: 5, rampSeconds: 5, durationSeconds: 60, users: 20, weights: DEFAULT_WEIGHTS, requestTimeoutMs: 10_000, maxInflight: 50 });
    expect(o.seed).toBeGreaterThan(0);
  });

  it('takes every option', () => {
    const o = options(['--url', 'https://shop.example.com/', '--rate', '12.5', '--ramp', '0', '--duration', '0', '--weights', '{"checkout":4,"browse":0}', '--users', '7', '--seed', '99', '--max-inflight', '9', '--timeout', '2500']);
    expect(o).toEqual({ targetUrl: 'https://shop.example.com', rate: 12.5, rampSeconds: 0, durationSeconds: 0, weights: { ...DEFAULT_WEIGHTS, checkout: 4, browse: 0 }, users: 7, seed: 99, maxInflight: 9, requestTimeoutMs: 2500 });
  });

  it('answers --help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ help: true });
  });

  it.each([
    [['--rate', '0'], '--rate: must be from 0.01 to 10000, got 0'],
    [['--rate', 'fast'], '--rate: must be a number, got "fast"'],
    [['--rate', ''], '--rate: must be a number, got ""'],
    [['--ramp=-1'], '--ramp: must be from 0 to 86400, got -1'],
    [['--duration', '1h'], '--duration: must be a number, got "1h"'],
    [['--users', '0'], '--users: must be from 1 to 1000, got 0'],
    [['--users', '2.5'], '--users: must be a whole number, got 2.5'],
    [['--max-inflight', '0'], '--max-inflight: must be from 1 to 100000, got 0'],
    [['--timeout', '10'], '--timeout: must be from 100 to 300000, got 10'],
    [['--url', 'ftp://example.com'], '--url: must be an http:// or https:// URL, got "ftp://example.com"'],
    [['--url', 'localhost:8080'], '--url: must be an http:// or https:// URL, got "localhost:8080"'],
    [['--url', 'http://x/?a=1'], '--url: must be a base URL without query or fragment'],
    [['--url', `http://${'a'.repeat(3000)}`], '--url: must be at most 2048 characters, got 3007'],
    [['--weights', '{"teleport":1}'], '--weights.teleport: is not a scenario (known: browse, search, view_product, add_to_cart, checkout, view_orders)'],
    [['--weights', '{"browse":-2}'], '--weights.browse: must be a number from 0 to 1000000'],
    [['--weights', '5'], '--weights: must be a JSON object such as {"browse":5,"checkout":1}'],
    [['--seed=-1'], '--seed: must be an unsigned 64-bit integer, got "-1"'],
    [['--seed', '18446744073709551616'], '--seed: must be an unsigned 64-bit integer, got "18446744073709551616"'],
  ])('rejects %j', (argv, message) => {
    let caught: unknown;
    try {
      parseCliArgs(argv);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(OptionError);
    expect((caught as Error).message).toBe(message);
  });

  it('rejects unknown options and stray arguments', () => {
    expect(() => parseCliArgs(['--rps', '5'])).toThrow(/arguments: .*--rps/);
    expect(() => parseCliArgs(['fast'])).toThrow(/arguments: .*fast/);
    expect(() => parseCliArgs(['--rate'])).toThrow(/arguments: .*--rate/);
  });
});
