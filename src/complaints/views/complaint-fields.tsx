import { SelectField, TextArea, TextField, useT, type FieldErrors } from '../../core/http/ui.js';
import { CONDUCT_TYPES } from '../schema.js';

/**
 * What a complaint is about, the same fields whether the complainant types it on the public
 * site or an officer enters it from the counter, a phone call or a letter.
 */
export function ComplaintFields(props: {
  value: (name: string) => string | undefined;
  errors: FieldErrors | undefined;
  /** The public form explains what helps the centre act; staff know it. */
  detailsHint?: boolean;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="conductType"
        label="complaints.field.conductType"
        value={props.value('conductType')}
        errors={props.errors}
        options={CONDUCT_TYPES.map((c) => ({ value: c, label: t(`complaints.conduct.${c}`) }))}
      />
      <TextField
        name="subject"
        label="complaints.field.subject"
        value={props.value('subject')}
        errors={props.errors}
        required
        maxlength={200}
      />
      <TextArea
        name="details"
        label="complaints.field.details"
        hint={props.detailsHint ? 'complaints.field.detailsHint' : undefined}
        value={props.value('details')}
        errors={props.errors}
        required
        rows={6}
      />
      <TextField
        name="location"
        label="complaints.field.location"
        value={props.value('location')}
        errors={props.errors}
        maxlength={300}
      />
    </>
  );
}
