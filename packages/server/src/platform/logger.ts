import pino, { type Logger } from 'pino';

/**
 * JSON lines in production (one per event, with the request id), readable lines on a terminal.
 * Anything that may carry a secret is redacted before it is written.
 */
export function createLogger(options: { level: string; format: 'json' | 'pretty' }): Logger {
  return pino({
    level: options.level,
    base: { service: 'yiwang' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.secret',
        '*.token',
        'databaseUrl',
      ],
      censor: '[redacted]',
    },
    transport:
      options.format === 'pretty'
        ? {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' },
          }
        : undefined,
  });
}

/** A database URL with its password removed, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
