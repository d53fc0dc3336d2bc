import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createValidator, type SchemaError } from './schemaValidator.ts';
import './services.css';

export type FormValues = Record<string, unknown>;

/** Words for a schema error, in the reader's language; the server's codes are the same keywords. */
export function useSchemaMessage() {
  const { t } = useTranslation();
  return (name: string, params: Record<string, unknown> = {}): string =>
    t(`formErrors.${name}`, {
      defaultValue: t('formErrors.format'),
      limit: params.limit ?? params.maximum ?? params.minimum,
    });
}

type Props = {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  formData: FormValues;
  onChange: (v: FormValues) => void;
  onSubmit: (v: FormValues) => void;
  onInvalid?: (count: number) => void;
  extraErrors?: ErrorSchema;
  children: ReactNode;
};

/**
 * A service's application form, rendered by @rjsf/antd from its JSON Schema and uiSchema, and
 * checked in the browser before it is sent (the server checks it again).
 */
export function SchemaForm({
  schema,
  uiSchema,
  formData,
  onChange,
  onSubmit,
  onInvalid,
  extraErrors,
  children,
}: Props) {
  const { i18n } = useTranslation();
  const message = useSchemaMessage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the messages change with the language only
  const validator = useMemo(
    () => createValidator((e: SchemaError) => message(e.name, e.params)),
    [i18n.language],
  );
  return (
    <Form
      schema={schema as RJSFSchema}
      uiSchema={uiSchema as UiSchema}
      formData={formData}
      validator={validator}
      onChange={(e) => onChange((e.formData ?? {}) as FormValues)}
      onSubmit={(e) => onSubmit((e.formData ?? {}) as FormValues)}
      onError={(errors) => onInvalid?.(errors.length)}
      extraErrors={extraErrors}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      formContext={{ descriptionLocation: 'below' }}
    >
      {children}
    </Form>
  );
}
