import type { ErrorSchema } from '@rjsf/utils';
import { ErrorSchemaBuilder } from '@rjsf/utils';
import type { FieldError } from '@yiwang/contracts';

/**
 * The server's field errors for the form (`body.form.creditCode` and the like) as rjsf's error
 * schema, so each shows at its field; the rest are returned to be shown above the form.
 */
export function serverFieldErrors(
  errors: FieldError[],
  message: (name: string, params?: Record<string, unknown>) => string,
): { schema?: ErrorSchema; others: FieldError[] } {
  const builder = new ErrorSchemaBuilder();
  const others: FieldError[] = [];
  let any = false;
  for (const e of errors) {
    const match = /^body\.form(?:\.(.+))?$/.exec(e.field);
    if (!match) {
      others.push(e);
      continue;
    }
    any = true;
    builder.addErrors(message(e.code, e.params), match[1] ? match[1].split('.') : undefined);
  }
  return { schema: any ? builder.ErrorSchema : undefined, others };
}
