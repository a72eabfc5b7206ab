import type { Child, PropsWithChildren } from 'hono/jsx';
import { useRequestContext } from './render-page.js';
import type { AppEnv } from './env.js';

/** The request's variables inside any component rendered by c.render. */
/**
 * The request's variables for a component. Hono's `c.var` copies every variable into a new
 * object per access (4 % of a survey POST's CPU), so this reads them one by one on demand.
 */
export function useVars(): AppEnv['Variables'] {
  const c = useRequestContext();
  return new Proxy({} as AppEnv['Variables'], {
    get: (_, name) => (typeof name === 'string' ? c.get(name as never) : undefined),
  });
}

export function useT() {
  return useVars().t;
}

/** Hidden CSRF field: put inside every <form method="post">. */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useVars().csrfToken} />;
}

/** A POST form with its CSRF token; works without JavaScript. */
export function PostForm(
  props: PropsWithChildren<{ action: string; class?: string; enctype?: string; id?: string }>,
) {
  return (
    <form
      method="post"
      action={props.action}
      class={props.class}
      enctype={props.enctype as never}
      id={props.id}
    >
      <CsrfField />
      {props.children}
    </form>
  );
}

export type FieldErrors = Record<string, string>;

/** The summary at the top of a form, linking to each field (WCAG 3.3.1). */
export function ErrorSummary({ errors, message }: { errors?: FieldErrors; message?: string }) {
  const t = useT();
  const entries = Object.entries(errors ?? {});
  if (!message && entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>
        <strong>{message ? t(message) : t('errors.validation')}</strong>
      </p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, key]) => (
            <li>
              <a href={`#f-${field}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The message next to a hand-written input (`id="f-<name>"`); TextField and friends render
 * their own. Give the input `aria-describedby="f-<name>-error"` when there is one.
 */
export function FieldError(props: { name: string; errors?: FieldErrors | undefined }) {
  const t = useT();
  const error = props.errors?.[props.name];
  if (!error) return null;
  return (
    <p class="error" id={`f-${props.name}-error`}>
      {t(error)}
    </p>
  );
}

interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null | undefined;
  errors?: FieldErrors | undefined;
  hint?: string;
  required?: boolean;
  type?: string;
  autocomplete?: string;
  maxlength?: number;
  inputmode?: string;
}

/** The ids an input's aria-describedby names: its hint, its error, and any extra notes. */
function describedBy(id: string, parts: (string | false | undefined)[]): string | undefined {
  return (
    parts
      .filter((p): p is string => Boolean(p))
      .map((p) => `${id}-${p}`)
      .join(' ') || undefined
  );
}

/**
 * The one wrapper of a form control: the label, the hint, the message next to the field and
 * any note after a refusal, wired to the control by `id="f-<name>"` (WCAG 1.3.1, 3.3.1).
 * TextField, TextArea, SelectField and FileField differ only in the control they hold.
 */
function Field(
  props: PropsWithChildren<{
    name: string;
    label: string;
    hint?: string | undefined;
    error?: string | undefined;
    required?: boolean | undefined;
    /** Marks the field as needing attention even without an error (a file to choose again). */
    isFlagged?: boolean | undefined;
    note?: Child;
  }>,
) {
  const t = useT();
  const id = `f-${props.name}`;
  return (
    <div class={props.error || props.isFlagged ? 'field field-error' : 'field'}>
      <label for={id}>
        {t(props.label)}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {t(props.hint)}
        </p>
      )}
      {props.error && (
        <p class="error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      )}
      {props.note}
      {props.children}
    </div>
  );
}

/** A labelled input with hint and error wired by aria-describedby. */
export function TextField(props: FieldProps) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  return (
    <Field {...props} error={error}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value == null ? '' : String(props.value)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        inputmode={props.inputmode as never}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, [props.hint && 'hint', error && 'error'])}
      />
    </Field>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  return (
    <Field {...props} error={error}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 4}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, [props.hint && 'hint', error && 'error'])}
      >
        {props.value == null ? '' : String(props.value)}
      </textarea>
    </Field>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; emptyLabel?: string },
) {
  const t = useT();
  const error = props.errors?.[props.name];
  const id = `f-${props.name}`;
  return (
    <Field name={props.name} label={props.label} error={error}>
      <select
        id={id}
        name={props.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, [error && 'error'])}
      >
        {props.emptyLabel !== undefined && <option value="">{t(props.emptyLabel)}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={String(props.value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxGroup(
  props: FieldProps & { options: { value: string; label: string }[]; values: readonly string[] },
) {
  const t = useT();
  const error = props.errors?.[props.name];
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={`f-${props.name}`}>
      <legend>{t(props.label)}</legend>
      {error && <p class="error">{t(error)}</p>}
      {props.options.map((o) => (
        <label class="check">
          <input
            type="checkbox"
            name={props.name}
            value={o.value}
            checked={props.values.includes(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * A file input with its error and, after a refused submission, the names of the files that were
 * chosen: a browser never refills a file input, so the person is told which to choose again.
 */
export function FileField(props: {
  name: string;
  label: string;
  errors?: FieldErrors | undefined;
  /** Names chosen in the refused submission (FormState.chosenFiles[name]). */
  chosen?: readonly string[] | undefined;
  hint?: string;
  accept?: string;
  multiple?: boolean;
}) {
  const t = useT();
  const id = `f-${props.name}`;
  const error = props.errors?.[props.name];
  const again = props.chosen && props.chosen.length > 0;
  return (
    <Field
      name={props.name}
      label={props.label}
      hint={props.hint}
      error={error}
      isFlagged={again}
      note={
        again && (
          <p class="error" id={`${id}-again`} data-choose-again>
            {t('form.chooseFileAgain', { names: props.chosen!.join(', ') })}
          </p>
        )
      }
    >
      <input
        id={id}
        type="file"
        name={props.name}
        multiple={props.multiple}
        accept={props.accept}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, [
          props.hint && 'hint',
          error && 'error',
          again && 'again',
        ])}
      />
    </Field>
  );
}

export function PageHeader(props: { title: string; lead?: Child; actions?: Child }) {
  return (
    <div class="page-header">
      <h1>{props.title}</h1>
      {props.lead && <p class="lead">{props.lead}</p>}
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </div>
  );
}

/** A flash message carried in the query string after POST → redirect → GET. */
export function Notice() {
  const c = useRequestContext();
  const key = c.req.query('notice');
  if (!key || !/^[a-z][\w.]{0,80}$/i.test(key)) return null;
  return (
    <p class="notice" role="status">
      {c.get('t')(key)}
    </p>
  );
}
