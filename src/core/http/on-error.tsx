import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError, ValidationError } from '../errors.js';
import { fieldErrorsOf } from '../validation/field-messages.js';
import type { AppEnv } from './env.js';
import { Layout } from './layout.js';
import { ErrorSummary } from './ui.js';

function ErrorPage(props: {
  message: string;
  homeLabel: string;
  referenceLabel?: string;
  fieldErrors?: Record<string, string> | undefined;
  reference?: string | undefined;
}) {
  return (
    <Layout title={props.message}>
      <h1>{props.message}</h1>
      {props.fieldErrors && Object.keys(props.fieldErrors).length > 0 && (
        <ErrorSummary errors={props.fieldErrors} message="errors.validation" />
      )}
      {props.reference && (
        <p class="muted">
          {props.referenceLabel}: <code>{props.reference}</code>
        </p>
      )}
      <p>
        <a href="/">{props.homeLabel}</a>
      </p>
    </Layout>
  );
}

/**
 * The one error handler. AppErrors become their status with a Thai (or English) page, or
 * JSON for API callers; anything else is logged with the request id and shown as a generic
 * 500 with that id and nothing else (no stack, no SQL).
 */
export function onError(rawError: Error, c: Context<AppEnv>): Response | Promise<Response> {
  // A use case that validates its own input with zod.parse refuses bad input the same way a
  // route's form validation does: 422 with the fields named, never a 500.
  const error =
    rawError instanceof ZodError
      ? new ValidationError('errors.validation', fieldErrorsOf(rawError.issues))
      : rawError;
  const t = c.get('t') ?? ((k: string) => k);
  const wantsJson =
    c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').startsWith('application/json');
  if (error instanceof AppError) {
    const message = t(error.messageKey, error.details);
    const fieldErrors =
      error instanceof ValidationError
        ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, t(v)]))
        : undefined;
    if (wantsJson) {
      return c.json({ error: { code: error.code, message, fieldErrors } }, error.status);
    }
    c.status(error.status);
    return c.render(
      <ErrorPage message={message} fieldErrors={fieldErrors} homeLabel={t('home')} />,
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: { code: 'HTTP', message: error.message } }, error.status);
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      path: c.req.path,
      error: error.stack ?? String(error),
    }),
  );
  if (wantsJson) {
    return c.json(
      { error: { code: 'INTERNAL', message: t('errors.internal'), reference: c.get('requestId') } },
      500,
    );
  }
  c.status(500);
  return c.render(
    <ErrorPage
      message={t('errors.internal')}
      reference={c.get('requestId')}
      referenceLabel={t('errors.reference')}
      homeLabel={t('home')}
    />,
  );
}
