import {
  ApiError,
  type FieldProblems,
  problemsFromApiIssues,
  problemsFromIssues,
  type SchemaIssue,
} from '@olympiad/ui';
import { type FormEvent, useState } from 'react';

interface Schema<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } };
}

/**
 * A form checked with a contracts schema before it is sent; the server's own field issues are
 * shown on the fields too. `send` gets the parsed value.
 */
export function useSchemaForm<T>(schema: Schema<T>, send: (value: T) => Promise<void>) {
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent, value: unknown) {
    event.preventDefault();
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      setProblems(problemsFromIssues(parsed.error.issues));
      setFailure(null);
      return;
    }
    setProblems({});
    setFailure(null);
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.issues.length > 0)
        setProblems(problemsFromApiIssues(error.issues));
    } finally {
      setBusy(false);
    }
  }

  return { problems, failure, busy, submit };
}
