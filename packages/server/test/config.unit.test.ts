import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration from the environment', () => {
  it('has defaults that start a single node', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reports every bad variable on its own line, naming it', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
  });

  it('never echoes key material back', () => {
    expect(() => loadConfig({ YIWANG_DATA_KEY: 'secret-value', YIWANG_DATA_KEY_FILE: '/k' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ YIWANG_DATA_KEY: 'secret-value', YIWANG_DATA_KEY_FILE: '/k' });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('secret-value');
    }
  });
});
