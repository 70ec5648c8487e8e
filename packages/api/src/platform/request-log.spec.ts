import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.js';

function capturingLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level, redact: ['req.headers.cookie', 'req.headers.authorization'] }, stream);
  return { logger, lines };
}

const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function serve(middleware: ReturnType<typeof requestLog>, handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer((req, res) => middleware(req, res, () => handle(req, res)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('requestLog', () => {
  it('logs one line per finished request with its id, status and URL without link tokens, never its credentials', async () => {
    const { logger, lines } = capturingLogger('info');
    const url = await serve(
      requestLog({ logger, redactUrl: (shown) => shown.replace(/secret-token/, '…'), ignore: (req) => req.url === '/healthz' }),
      (_req, res) => res.end('ok'),
    );
    const response = await fetch(`${url}/calendar/secret-token.ics`, {
      headers: { cookie: 'evikomp_session=abc', 'x-request-id': 'hr-7' },
    });
    expect(response.headers.get('x-request-id')).toBe('hr-7');
    await fetch(`${url}/healthz`);
    await settle();
    expect(lines).toHaveLength(1);
    const [line] = lines as [
      {
        msg: string;
        req: { id: string; method: string; url: string; headers: Record<string, string> };
        res: { statusCode: number };
        responseTime: number;
      },
    ];
    expect(line.msg).toBe('request completed');
    expect(line.req).toMatchObject({ id: 'hr-7', method: 'GET', url: '/calendar/….ics' });
    expect(line.req.headers.cookie).toBe('[Redacted]');
    expect(line.res.statusCode).toBe(200);
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('abc');
  });

  it('logs a failed request at error level, and gives each request a new id unless it brings a plain one', async () => {
    const { logger, lines } = capturingLogger('warn');
    const url = await serve(requestLog({ logger, redactUrl: (shown) => shown, ignore: () => false }), (req, res) => {
      res.statusCode = req.url === '/fail' ? 500 : 200;
      res.end();
    });
    const generated = await fetch(`${url}/ok`, { headers: { 'x-request-id': 'not a token!' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${url}/fail`);
    await settle();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([[50, 'request errored']]);
    expect(lines[0]).toMatchObject({ err: { message: 'failed with status code 500' } });
  });

  it("never logs a route's path parameters or query, which may hold a link token", async () => {
    const { logger, lines } = capturingLogger('info');
    const url = await serve(
      requestLog({ logger, redactUrl: (shown) => shown.replace(/secret-token/, '…'), ignore: () => false }),
      (req, res) => {
        // As express fills them in once a route matched, before the line is written.
        Object.assign(req, { params: { token: 'secret-token' }, query: { token: 'secret-token' } });
        res.end();
      },
    );
    await fetch(`${url}/calendar/secret-token.ics`);
    await settle();
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('logs a request the client gave up on, once', async () => {
    const { logger, lines } = capturingLogger('info');
    let answer: (() => void) | undefined;
    const url = await serve(requestLog({ logger, redactUrl: (shown) => shown, ignore: () => false }), (_req, res) => {
      answer = () => res.end();
    });
    await fetch(`${url}/slow`, { signal: AbortSignal.timeout(50) }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    answer?.();
    await settle();
    expect(lines.map((line) => line.msg)).toEqual(['request aborted']);
  });

  it('makes the request logger only when it is used, and then with the request on every line', async () => {
    const { logger, lines } = capturingLogger('warn');
    const made: string[] = [];
    const child = logger.child.bind(logger);
    logger.child = ((...args: Parameters<typeof logger.child>) => {
      made.push('child');
      return child(...args);
    }) as typeof logger.child;
    const url = await serve(requestLog({ logger, redactUrl: (shown) => shown, ignore: () => false }), (req, res) => {
      if (req.url === '/warn') req.log.warn('something odd');
      res.end();
    });
    await fetch(`${url}/quiet`);
    expect(made).toEqual([]);
    await fetch(`${url}/warn`);
    await settle();
    expect(made).toEqual(['child']);
    expect(lines).toMatchObject([{ msg: 'something odd', req: { url: '/warn', method: 'GET' } }]);
  });
});
