import { Fragment } from 'react';

/**
 * Text that wraps between words only: a hyphenated name ("Робо-Әлем") or a quoted school name is
 * never split at its hyphen on a narrow phone. The text itself is unchanged (search, copy, tests).
 */
export function WholeWords({ text }: { text: string }) {
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((part, index) =>
        part === '' || /^\s+$/.test(part) ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <span key={index} className="whole-word">
            {part}
          </span>
        ),
      )}
    </>
  );
}
