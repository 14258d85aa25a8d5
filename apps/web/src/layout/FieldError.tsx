/** The API's message for one form field, tied to the field with aria-describedby (id `${fieldId}-error`). */
export function FieldError({ fieldId, message }: { fieldId: string; message: string | undefined }) {
  if (!message) return null;
  return <p className="field-error" id={`${fieldId}-error`}>{message}</p>;
}

export const describedBy = (fieldId: string, message: string | undefined): string | undefined => (message ? `${fieldId}-error` : undefined);
