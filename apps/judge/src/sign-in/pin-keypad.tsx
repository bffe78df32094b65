import { useLanguage } from '@olympiad/ui';

export const PIN_MAX_LENGTH = 8;

export interface PinKeypadProps {
  pin: string;
  onChange: (pin: string) => void;
  disabled?: boolean;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The PIN as dots and a big 3 × 4 keypad for fingers; the digits themselves are never shown. One
 * dot per digit typed and no empty places: PINs are 4 to 8 digits (the console gives 6), so a
 * fixed row of circles would tell the judge a wrong length.
 */
export function PinKeypad({ pin, onChange, disabled = false }: PinKeypadProps) {
  const { t } = useLanguage();
  const press = (digit: string) => {
    if (pin.length < PIN_MAX_LENGTH) onChange(pin + digit);
  };
  const key = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="keypad__key"
      disabled={disabled}
      onClick={() => press(digit)}
    >
      {digit}
    </button>
  );
  return (
    <div className="keypad">
      <div className="keypad__display" aria-live="polite">
        {pin.length === 0 ? (
          <span className="keypad__prompt" aria-hidden="true">
            {t('judge.pinPrompt')}
          </span>
        ) : (
          <span className="keypad__dots" aria-hidden="true">
            {Array.from({ length: pin.length }, (_, index) => (
              <span key={index} className="keypad__dot keypad__dot--filled" />
            ))}
          </span>
        )}
        <span className="visually-hidden">{t('judge.pinEntered', { count: pin.length })}</span>
      </div>
      <div className="keypad__grid">
        {DIGITS.map(key)}
        <button
          type="button"
          className="keypad__key keypad__key--word"
          disabled={disabled || pin.length === 0}
          onClick={() => onChange('')}
        >
          {t('judge.keypad.clear')}
        </button>
        {key('0')}
        <button
          type="button"
          className="keypad__key"
          aria-label={t('judge.keypad.backspace')}
          disabled={disabled || pin.length === 0}
          onClick={() => onChange(pin.slice(0, -1))}
        >
          <span aria-hidden="true">⌫</span>
        </button>
      </div>
    </div>
  );
}
