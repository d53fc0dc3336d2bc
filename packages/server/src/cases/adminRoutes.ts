import {
  calendarVersionListSchema,
  calendarYearQuerySchema,
  calendarYearSchema,
  caseTaskListSchema,
  caseTaskSchema,
  completeTaskSchema,
  enterCalendarVersionSchema,
  enteredCalendarVersionSchema,
  idParamSchema,
  provisionalClockListSchema,
} from '@yiwang/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isOfficer, readsBusinessData } from '../platform/access/policy.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { requirePrincipal } from '../platform/http/authenticate.ts';
import { authorize, problemResponses } from '../platform/http/problems.ts';
import {
  describeYear,
  enterCalendarVersion,
  listCalendarVersions,
  provisionalClocks,
} from './calendarAdmin.ts';
import type { CaseEngine } from './engine.ts';
import { completeTask, listTasks } from './tasks.ts';

const errors = problemResponses(400, 401, 403, 404, 409);

/** The calendar is public knowledge; entering a notice is the system administrator's. */
export function registerCalendarRoutes(app: FastifyInstance, db: Db, engine: CaseEngine): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  r.get(
    '/api/v1/calendar/versions',
    {
      schema: {
        tags,
        summary: 'The working-day calendar versions in force, oldest first',
        response: { 200: calendarVersionListSchema },
      },
    },
    async () => ({ items: await listCalendarVersions(db) }),
  );
  r.get(
    '/api/v1/calendar/year',
    {
      schema: {
        tags,
        summary: 'Every day of a year: working day, holiday, make-up working day',
        querystring: calendarYearQuerySchema,
        response: { 200: calendarYearSchema, 400: errors[400] },
      },
    },
    async (request) => describeYear(await engine.calendars.current(db), request.query.year),
  );
  r.post(
    '/api/v1/calendar/versions',
    {
      schema: {
        tags,
        summary: 'Enter a holiday notice; running clocks are recomputed',
        body: enterCalendarVersionSchema,
        response: { 201: enteredCalendarVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      authorize(isOfficer(principal, 'system_admin'), 'only the system administrator enters holiday notices');
      const entered = await inTransaction(db, request.actor, (tx) =>
        enterCalendarVersion(engine, tx, request.body, principal, new Date()),
      );
      return reply.status(201).send(entered);
    },
  );
  r.get(
    '/api/v1/calendar/provisional-clocks',
    {
      schema: {
        tags,
        summary: 'Running clocks whose due day rests on a year without a notice',
        response: { 200: provisionalClockListSchema, ...errors },
      },
    },
    async (request) => {
      authorize(
        isOfficer(requirePrincipal(request), 'system_admin'),
        'only the system administrator sees this list',
      );
      return provisionalClocks(db);
    },
  );
}

/** Escalation tasks: for whoever holds the task's role over its unit (supervisors by default). */
export function registerTaskRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.get(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'My escalation tasks, open ones first',
        response: { 200: caseTaskListSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(
        principal.kind === 'staff' && readsBusinessData(principal),
        'tasks are for staff who handle cases',
      );
      return { items: await listTasks(db, principal) };
    },
  );
  r.post(
    '/api/v1/tasks/:id/done',
    {
      schema: {
        tags,
        summary: 'Close an escalation task with what was done',
        params: idParamSchema,
        body: completeTaskSchema,
        response: { 200: caseTaskSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      authorize(
        principal.kind === 'staff' && readsBusinessData(principal),
        'tasks are for staff who handle cases',
      );
      return inTransaction(db, request.actor, (tx) =>
        completeTask(tx, principal, request.params.id, request.body.note, new Date()),
      );
    },
  );
}
