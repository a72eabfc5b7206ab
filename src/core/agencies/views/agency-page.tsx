import { Layout } from '../../http/layout.js';
import {
  ErrorSummary,
  Notice,
  PageHeader,
  PostForm,
  TextField,
  useT,
  type FieldErrors,
} from '../../http/ui.js';

/** One of the agency's own fields, labelled from the catalog (`agencies.agency.<name>`). */
function AgencyField(props: {
  name: string;
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  type?: string;
  required?: boolean;
}) {
  return (
    <TextField
      name={props.name}
      label={`agencies.agency.${props.name}`}
      type={props.type ?? 'text'}
      value={props.values[props.name] as string}
      errors={props.errors}
      {...(props.required ? { required: true } : {})}
    />
  );
}

/**
 * The agency's names and where it is: the same fields when the instance administrator adds an
 * agency and when the agency's admin corrects its own (the Thai name is required when adding).
 */
export function AgencyNameFields(props: {
  values: Record<string, unknown>;
  errors?: FieldErrors | undefined;
  isNameRequired?: boolean;
}) {
  return (
    <>
      <AgencyField name="nameTh" {...props} required={props.isNameRequired ?? false} />
      {['nameEn', 'kindTh', 'subdistrictTh', 'districtTh', 'provinceTh'].map((name) => (
        <AgencyField name={name} values={props.values} errors={props.errors} />
      ))}
    </>
  );
}

/** The agency's own page: names, address and contact, as its public site shows them. */
export function AgencyPage(props: { values: Record<string, unknown>; errors?: FieldErrors }) {
  const t = useT();
  const contact: [string, string][] = [
    ['address', 'text'],
    ['phone', 'tel'],
    ['email', 'email'],
    ['website', 'url'],
    ['mapUrl', 'url'],
    ['facebook', 'url'],
  ];
  return (
    <Layout title={t('agencies.agency.title')}>
      <PageHeader title={t('agencies.agency.title')} />
      <Notice />
      <ErrorSummary errors={props.errors} />
      <PostForm action="/staff/agency" class="card">
        <AgencyNameFields values={props.values} errors={props.errors} />
        {contact.map(([name, type]) => (
          <AgencyField name={name} type={type} values={props.values} errors={props.errors} />
        ))}
        <button type="submit">{t('save')}</button>
      </PostForm>
    </Layout>
  );
}
