import { checkClockRule } from '@yiwang/standards';
import type { ClockEffect, FieldDef, Party, ProcessDefinition } from './definition.ts';

const CODE = /^[a-z][a-z0-9_]{1,60}$/;

/**
 * Every problem with a definition, each a line an operator can act on; empty when it may run.
 * The server refuses to start on any, so a broken process never reaches a case.
 */
export function checkDefinition(def: ProcessDefinition, knownRoles: ReadonlySet<string>): string[] {
  const where = `process ${def.code}@${def.version}`;
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${where}: ${text}`);
  if (!CODE.test(def.code)) say(`the code must match ${CODE}`);
  if (!Number.isInteger(def.version) || def.version < 1) say('the version must be a whole number from 1');
  const states = new Set(Object.keys(def.states));
  if (!states.has(def.initialState)) say(`the initial state ${def.initialState} is not a state`);
  checkParty(def.create.by, 'create', knownRoles, say);
  checkFields(def.form, 'the form', say);
  checkEffects(def.create.clocks ?? [], 'create', def, say);
  for (const [code, action] of Object.entries(def.actions)) {
    const at = `action ${code}`;
    if (!CODE.test(code)) say(`${at}: the code must match ${CODE}`);
    for (const from of action.from) if (!states.has(from)) say(`${at}: from unknown state ${from}`);
    if (action.from.length === 0) say(`${at}: starts from no state`);
    if (!states.has(action.to)) say(`${at}: goes to unknown state ${action.to}`);
    for (const from of action.from)
      if (def.states[from]?.terminal) say(`${at}: leaves terminal state ${from}`);
    checkParty(action.by, at, knownRoles, say);
    checkFields(action.fields ?? [], at, say);
    checkEffects(action.clocks ?? [], at, def, say);
    const distinct = action.requiresDistinctActors?.action;
    if (distinct !== undefined && !(distinct in def.actions))
      say(`${at}: requiresDistinctActors names unknown action ${distinct}`);
    for (const other of action.differentActorFrom ?? []) {
      if (!(other in def.actions)) say(`${at}: differentActorFrom names unknown action ${other}`);
    }
    const slots = action.attachments === 'required_materials' ? [] : (action.attachments ?? []);
    for (const slot of slots) {
      if (!def.materials || !(slot in def.materials)) say(`${at}: requires unknown material ${slot}`);
    }
  }
  checkClocks(def, say);
  checkReachability(def, say);
  return problems;
}

function checkParty(party: Party, at: string, known: ReadonlySet<string>, say: (t: string) => void): void {
  for (const role of party.roles ?? []) if (!known.has(role)) say(`${at}: unknown role ${role}`);
}

function checkFields(fields: readonly FieldDef[], at: string, say: (t: string) => void): void {
  const names = new Set<string>();
  for (const field of fields) {
    if (names.has(field.name)) say(`${at}: field ${field.name} twice`);
    names.add(field.name);
    if (field.type === 'choice' && !field.options?.length)
      say(`${at}: choice field ${field.name} has no options`);
  }
}

function checkEffects(
  effects: readonly ClockEffect[],
  at: string,
  def: ProcessDefinition,
  say: (t: string) => void,
): void {
  for (const effect of effects) {
    if (!(effect.clock in def.clocks)) say(`${at}: acts on unknown clock ${effect.clock}`);
    const needsReason = effect.effect === 'pause' || effect.effect === 'extend';
    const action = def.actions[at.replace(/^action /, '')];
    const hasReason = action?.fields?.some((f) => f.name === 'reason' && f.required);
    if (needsReason && !hasReason) say(`${at}: a ${effect.effect} needs a required 'reason' field`);
  }
}

function checkClocks(def: ProcessDefinition, say: (t: string) => void): void {
  for (const [code, clock] of Object.entries(def.clocks)) {
    try {
      checkClockRule(clock.rule);
    } catch (error) {
      say(`clock ${code}: ${(error as Error).message}`);
    }
    const deemed = clock.onExpiry?.action;
    if (deemed !== undefined) {
      const action = def.actions[deemed];
      if (!action) say(`clock ${code}: deemed outcome ${deemed} is not an action`);
      else if (action.by.roles?.length || action.by.applicant) {
        say(`clock ${code}: deemed outcome ${deemed} must be an action only the platform performs`);
      }
    }
    if (clock.warnShare !== undefined && !(clock.warnShare > 0 && clock.warnShare < 1)) {
      say(`clock ${code}: warnShare must lie between 0 and 1`);
    }
  }
}

/** Every state must be reachable from the initial one, and every non-terminal state must lead somewhere. */
function checkReachability(def: ProcessDefinition, say: (t: string) => void): void {
  const reached = new Set([def.initialState]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const action of Object.values(def.actions)) {
      if (action.from.some((s) => reached.has(s)) && !reached.has(action.to)) {
        reached.add(action.to);
        grew = true;
      }
    }
  }
  for (const [code, state] of Object.entries(def.states)) {
    if (!reached.has(code)) say(`state ${code} cannot be reached from ${def.initialState}`);
    const leaves = Object.values(def.actions).some((a) => a.from.includes(code));
    if (!state.terminal && !leaves) say(`state ${code} is not terminal but no action leaves it`);
  }
}
