// biome-ignore-all lint/suspicious/noExplicitAny: each case breaks a deep copy of a definition in its own way
import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../../src/caseEngine.ts';
import { checkDefinition } from '../../src/cases/checkDefinition.ts';
import type { ProcessDefinition } from '../../src/cases/definition.ts';
import { ProcessRegistry } from '../../src/cases/registry.ts';
import { BUILTIN_ROLES } from '../../src/modules/identity/roles.ts';
import { licenceFixture } from './fixtures.ts';

const roles = new Set(BUILTIN_ROLES.map((r) => r.code));
const broken = (change: (d: ProcessDefinition & Record<string, unknown>) => void): ProcessDefinition => {
  const copy = structuredClone(licenceFixture) as ProcessDefinition & Record<string, unknown>;
  change(copy);
  return copy;
};

describe('process definitions are checked before the server starts', () => {
  it('accepts every process the platform ships, and the licence fixture', () => {
    for (const def of [...PROCESSES, licenceFixture]) expect(checkDefinition(def, roles)).toEqual([]);
  });

  it.each([
    [
      'an action to nowhere',
      (d: any) => {
        d.actions.review.to = 'limbo';
      },
      'action review: goes to unknown state limbo',
    ],
    [
      'an action from an unknown state',
      (d: any) => {
        d.actions.review.from = ['nowhere'];
      },
      'action review: from unknown state nowhere',
    ],
    [
      'an unreachable state',
      (d: any) => {
        d.states.orphan = { label: { zh: '孤立', en: 'Orphan' }, terminal: true };
      },
      'state orphan cannot be reached',
    ],
    [
      'a dead end',
      (d: any) => {
        d.states.reviewed.terminal = false;
        d.actions.grant.from = ['accepted'];
        d.actions.refuse.from = ['accepted'];
      },
      'state reviewed is not terminal but no action leaves it',
    ],
    [
      'an unknown role',
      (d: any) => {
        d.actions.review.by = { roles: ['wizard'] };
      },
      'unknown role wizard',
    ],
    [
      'an unknown clock',
      (d: any) => {
        d.actions.accept.clocks = [{ clock: 'sundial', effect: 'start' }];
      },
      'acts on unknown clock sundial',
    ],
    [
      'a pause without a reason field',
      (d: any) => {
        d.actions.review.clocks = [{ clock: 'decision', effect: 'pause' }];
      },
      "a pause needs a required 'reason' field",
    ],
    [
      'a clock rule without its legal basis',
      (d: any) => {
        d.clocks.decision.rule.basis = ' ';
      },
      'clock decision: a clock rule needs its legal basis',
    ],
    [
      'a deemed outcome a person takes',
      (d: any) => {
        d.clocks.correction_window.onExpiry = { action: 'accept' };
      },
      'must be an action only the platform performs',
    ],
    [
      'a required material that does not exist',
      (d: any) => {
        d.actions.accept.attachments = ['passport'];
      },
      'requires unknown material passport',
    ],
  ])('refuses %s', (_name, change, message) => {
    const problems = checkDefinition(broken(change), roles);
    expect(problems.join('\n')).toContain(message);
  });

  it('refuses to start with every problem listed, one per line', () => {
    const bad = broken((d: any) => {
      d.actions.review.to = 'limbo';
      d.actions.review.by = { roles: ['wizard'] };
    });
    expect(() => new ProcessRegistry([bad], roles)).toThrow(
      /invalid process definitions:\n {2}process test_licence@1: .*\n {2}process test_licence@1: /,
    );
  });

  it('keeps every version: a case stays on the version it began with', () => {
    const v2 = { ...licenceFixture, version: 2, name: { zh: '测试许可（第二版）', en: 'Test licence v2' } };
    const registry = new ProcessRegistry([licenceFixture, v2], roles);
    expect(registry.latest('test_licence')?.version).toBe(2);
    expect(registry.get('test_licence', 1).name.en).toBe('Test licence');
    expect(() => new ProcessRegistry([licenceFixture, licenceFixture], roles)).toThrow(/defined twice/);
  });
});
