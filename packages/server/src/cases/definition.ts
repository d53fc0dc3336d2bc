import type { ClockRule } from '@yiwang/standards';

/** A text in both languages; Chinese is authoritative. */
export type Label = { zh: string; en: string };

/**
 * Who may do something: holders of these roles whose reach covers the case's owning unit, and/or
 * the applicant. Neither means only the platform itself may (a sweep applying a deemed outcome).
 */
export type Party = { roles?: readonly string[]; applicant?: boolean };

export type FieldDef = {
  name: string;
  label: Label;
  type: 'text' | 'integer' | 'date' | 'choice';
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: readonly { value: string; label: Label }[];
};

/**
 * What an action does to a clock. A pause takes its reason, an extension its approver and reason,
 * from the action's input (`reason`); `restart` discards the count so far (信息公开条例第30条: the
 * period runs again from a correction).
 */
export type ClockEffect =
  | { clock: string; effect: 'start'; backdateToReceipt?: boolean }
  | { clock: string; effect: 'pause' | 'resume' | 'stop' | 'restart' }
  | { clock: string; effect: 'extend'; by: number };

export type ActionDef = {
  label: Label;
  from: readonly string[];
  to: string;
  by: Party;
  fields?: readonly FieldDef[];
  /**
   * Material slots that must hold an uploaded file before the action; 'required_materials' means
   * every slot the case's own spec marks required (a service's list of materials).
   */
  attachments?: readonly string[] | 'required_materials';
  /** Only offered when the case's spec sets this flag (e.g. a service with hearing rights). */
  onlyIf?: string;
  /** `differentActorFrom` applies only when the case's spec sets this flag (a department's choice). */
  fourEyesFlag?: string;
  /** Before this action, so many different people must have done that one (行政许可法第34条: two verify). */
  requiresDistinctActors?: { action: string; count: number; onlyIf?: string };
  clocks?: readonly ClockEffect[];
  /** Four eyes: whoever did one of these actions on the case may not do this one. */
  differentActorFrom?: readonly string[];
  /** The applicant is told (in-app, and by SMS or e-mail when configured). */
  notifyApplicant?: boolean;
};

export type ClockDef = {
  label: Label;
  rule: ClockRule;
  /** Share of the time left at which the people who may act are warned; the platform's default otherwise. */
  warnShare?: number;
  /** When the clock runs out, the platform performs this action itself (a deemed outcome). */
  onExpiry?: { action: string };
  /** Who gets the escalation task when the clock runs out: a role in the owning unit's chain. */
  escalateTo?: string;
};

export type StateDef = { label: Label; terminal?: boolean };

/** A process is data: the engine runs any definition that passes `checkDefinition`. */
export type ProcessDefinition = {
  code: string;
  version: number;
  /** The system it belongs to, for filters: 'approval', 'petition', 'disclosure', … */
  system: string;
  name: Label;
  formVersion: number;
  form: readonly FieldDef[];
  /** Material slots an applicant may upload to, with their names. */
  materials?: Readonly<Record<string, Label>>;
  initialState: string;
  states: Readonly<Record<string, StateDef>>;
  actions: Readonly<Record<string, ActionDef>>;
  clocks: Readonly<Record<string, ClockDef>>;
  /**
   * Who may open a case, and the clocks that start at receipt. `viaModule`: cases are opened only
   * through the owning module's route (which fixes the spec, e.g. from a service version).
   */
  create: { by: Party; clocks?: readonly ClockEffect[]; viaModule?: boolean };
};

/**
 * What a case is opened under besides its process, fixed at opening: flags for optional steps,
 * its own material slots, and the extension its law allows per clock.
 */
export type CaseSpec = {
  flags?: Record<string, boolean>;
  /** The case's own material slots; `formats` and `maxBytes` narrow what the file store accepts. */
  materials?: Record<
    string,
    { zh: string; en: string; required: boolean; formats?: string[]; maxBytes?: number; order?: number }
  >;
  extendBy?: Record<string, number>;
};
