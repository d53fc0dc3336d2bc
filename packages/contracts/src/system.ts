import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['up', 'down']),
  pendingMigrations: z.array(z.string()),
});
export type Readiness = z.infer<typeof readinessSchema>;
