import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, env, loadConfig, parseFaults, FaultConfigError, checkHealth, startService } from '@mercato/kit';
import { writeTopologyFile } from '@mercato/topology';
import { ECHO, echoHandlers, echoProtos, startEcho, testEnv, testTopology } from './echo';

describe('config from env', () => {
  const spec = { PORT: env.port({ default: 8080 }), MODE: env.oneOf(['a', 'b'] as const), RATE: env.number({ min: 0, max: 1, default: 0 }), URL: env.optional(env.url(['postgres:'])) };

  it('parses, defaults and leaves optional values out', () => {
    expect(loadConfig(spec, { MODE: 'b', RATE: '0.25' })).toEqual({ PORT: 8080, MODE: 'b', RATE: 0.25, URL: undefined });
  });

  it.each([
    [{ MODE: 'c' }, 'config: MODE must be one of a|b, got "c"'],
    [{}, 'config: MODE must be one of a|b, got nothing'],
    [{ MODE: 'a', PORT: '70000' }, 'config: PORT must be an integer from 0 to 65535, got "70000"'],
    [{ MODE: 'a', PORT: '12abc' }, 'config: PORT must be an integer from 0 to 65535, got "12abc"'],
    [{ MODE: 'a', RATE: '2' }, 'config: RATE must be a number from 0 to 1, got "2"'],
    [{ MODE: 'a', URL: 'http://x' }, 'config: URL must be a URL starting with postgres://, got "http://x"'],
  ])('rejects %j with one line naming the variable', (source, message) => {
    expect(() => loadConfig(spec, source)).toThrow(ConfigError);
    expect(() => loadConfig(spec, source)).toThrow(message);
  });

  it('stops a service from starting on a bad common variable', async () => {
    await expect(startEcho(testEnv({ BREAKER_ERROR_PERCENT: '150' }))).rejects.toThrow('config: BREAKER_ERROR_PERCENT must be an integer from 1 to 100, got "150"');
    await expect(startEcho(testEnv({ LOG_LEVEL: 'loud' }))).rejects.toThrow(/config: LOG_LEVEL must be one of fatal\|error/);
  });

  it('takes the topology a parent handed over in MERCATO_TOPOLOGY_FILE, and refuses a bad one naming the variable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mercato-kit-topology-'));
    try {
      const file = path.join(dir, 'topology.json');
      writeTopologyFile(testTopology, file);
      const serve = (kit: import('@mercato/kit').Kit<unknown>): void => kit.serve(ECHO, echoHandlers() as never);
      // No topology in the options: without the file the service would look for services/echo in the repository and fail.
      const echo = await startService('echo', serve, { env: testEnv({ MERCATO_TOPOLOGY_FILE: file }), protos: echoProtos });
      await expect(checkHealth(`127.0.0.1:${echo.grpcPort}`, ECHO)).resolves.toBe('SERVING');
      await echo.shutdown();
      writeFileSync(file, JSON.stringify({ version: 1, root: dir, services: [] }));
      await expect(startService('echo', serve, { env: testEnv({ MERCATO_TOPOLOGY_FILE: file }), protos: echoProtos })).rejects.toThrow(`MERCATO_TOPOLOGY_FILE: ${file} lists no services`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates fault documents field by field', () => {
    expect(parseFaults('{"rules":[{"method":"a.B/C","delayMs":5}]}', 'f')).toEqual([{ method: 'a.B/C', delayMs: 5, delayJitterMs: 0, errorRate: 0, errorCode: 14 }]);
    expect(() => parseFaults('{"rules":[{"method":"a.B/C","errorRate":2}]}', 'f')).toThrow(new FaultConfigError('f: rules[0].errorRate must be a number from 0 to 1'));
    expect(() => parseFaults('{"rules":[{"method":"a.B/C","errorCode":"NOPE"}]}', 'f')).toThrow(/errorCode must be a gRPC status name/);
    expect(() => parseFaults('{"rules":[{"method":"bad method"}]}', 'f')).toThrow(/rules\[0\]\.method/);
    expect(() => parseFaults('{"rules":[{"method":"*","colour":1}]}', 'f')).toThrow(/rules\[0\]\.colour is not a known field/);
    expect(() => parseFaults('nope', 'f')).toThrow(/not valid JSON/);
  });
});
