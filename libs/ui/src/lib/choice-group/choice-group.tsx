import { type KeyboardEvent, type ReactNode, useRef } from 'react';

export interface ChoiceOption<V extends string | number> {
  value: V;
  label: ReactNode;
}

export interface ChoiceGroupProps<V extends string | number> {
  /** The question the group answers, read out for the whole group. */
  label: string;
  options: readonly ChoiceOption<V>[];
  /** The chosen value; nothing is chosen while it matches no option. */
  value: V | null | undefined;
  onChange: (value: V) => void;
  /** Replaces the group's `ui-choices` class (e.g. a scale of marks laid out differently). */
  className?: string;
  /** Replaces each option's `ui-choice` class; the chosen one also gets `<class>--on`. */
  optionClassName?: string;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * One of a few answers as large tap targets side by side (a radio group that reads as buttons).
 * Keyboard as for a radio group: Tab reaches the chosen answer, the arrow keys move and choose.
 */
export function ChoiceGroup<V extends string | number>({
  label,
  options,
  value,
  onChange,
  className = 'ui-choices',
  optionClassName = 'ui-choice',
}: ChoiceGroupProps<V>) {
  const group = useRef<HTMLDivElement>(null);
  const chosen = options.findIndex((option) => option.value === value);
  const tabStop = chosen === -1 ? 0 : chosen;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT[event.key];
    if (step === undefined || options.length === 0) return;
    event.preventDefault();
    const from = chosen === -1 ? tabStop : chosen;
    const to = (from + step + options.length) % options.length;
    onChange(options[to].value);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[to]?.focus();
  };

  return (
    <div
      ref={group}
      className={className}
      role="radiogroup"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      {options.map((option, index) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={index === chosen}
          tabIndex={index === tabStop ? 0 : -1}
          className={
            index === chosen ? `${optionClassName} ${optionClassName}--on` : optionClassName
          }
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
