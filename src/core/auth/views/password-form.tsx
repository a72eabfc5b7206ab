import { PostForm, TextField, useT, type FieldErrors } from '../../http/ui.js';

/** The account's e-mail, marked as the user name for password managers (WCAG 1.3.5). */
export function EmailField(props: {
  value?: string | undefined;
  errors?: FieldErrors | undefined;
}) {
  return (
    <TextField
      name="email"
      label="auth.email"
      type="email"
      autocomplete="username"
      required
      value={props.value}
      errors={props.errors}
    />
  );
}

/**
 * The one password form: log-in (e-mail and current password), a new password from a reset
 * link (typed twice), and the first password of an invited person. The `autocomplete` values
 * let password managers tell a log-in from a new password (WCAG 1.3.5, 3.3.8).
 */
export function PasswordForm(props: {
  action: string;
  /** Log-in asks for the e-mail; the reset and the invitation already know whose account it is. */
  email?: { value?: string | undefined } | undefined;
  /** `current` for a log-in, `new` for a password being set. */
  purpose: 'current' | 'new';
  passwordLabel: string;
  passwordHint?: string;
  /** The reset page asks for the new password twice. */
  hasConfirm?: boolean;
  hidden?: Record<string, string>;
  heading?: string;
  submitLabel: string;
  errors?: FieldErrors | undefined;
}) {
  const t = useT();
  return (
    <PostForm action={props.action} class="card">
      {props.heading && <h2>{t(props.heading)}</h2>}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.email && <EmailField value={props.email.value} errors={props.errors} />}
      <TextField
        name="password"
        label={props.passwordLabel}
        {...(props.passwordHint ? { hint: props.passwordHint } : {})}
        type="password"
        autocomplete={`${props.purpose}-password`}
        required
        errors={props.errors}
      />
      {props.hasConfirm && (
        <TextField
          name="confirm"
          label="auth.reset.confirmPassword"
          type="password"
          autocomplete="new-password"
          required
          errors={props.errors}
        />
      )}
      <button type="submit">{t(props.submitLabel)}</button>
    </PostForm>
  );
}
