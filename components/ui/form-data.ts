/** A form's fields as a plain object, ready for a server action's zod schema. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") values[key] = value;
  });
  return values;
}

/** The first message for each field of a failed action, keyed by field name. */
export function issuesByField(issues: { field: string; message: string }[] | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues ?? []) byField[issue.field] ??= issue.message;
  return byField;
}
