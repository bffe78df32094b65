import {
  ApiError,
  Button,
  describeError,
  type FieldProblems,
  problemsFromIssues,
  problemText,
  StatusBanner,
  TextField,
  useLanguage,
} from '@olympiad/ui';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { checkSignIn } from './check-sign-in';
import { PIN_MAX_LENGTH, PinKeypad } from './pin-keypad';

export interface SignInPageProps {
  initialStageCode: string;
  notice?: 'errors.unauthorized';
  /** Shown above the form, e.g. that this connection cannot reload offline. */
  connectionNotice?: ReactNode;
  onSignIn: (stageCode: string, pin: string) => Promise<void>;
}

/** Stage code and PIN; the PIN from the on-screen keypad or a keyboard's digits. */
export function SignInPage({
  initialStageCode,
  notice,
  connectionNotice,
  onSignIn,
}: SignInPageProps) {
  const { lang, t } = useLanguage();
  const [stageCode, setStageCode] = useState(initialStageCode);
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.target instanceof HTMLInputElement || busy) return;
      if (/^\d$/.test(event.key))
        setPin((current) => (current.length < PIN_MAX_LENGTH ? current + event.key : current));
      else if (event.key === 'Backspace') setPin((current) => current.slice(0, -1));
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const code = stageCode.trim().toUpperCase();
    const issues = checkSignIn(code, pin);
    if (issues.length > 0) {
      setProblems(problemsFromIssues(issues, { pin: 'validation.pinDigits' }));
      setFailure(null);
      return;
    }
    setProblems({});
    setFailure(null);
    setBusy(true);
    try {
      await onSignIn(code, pin);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.status === 401) setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="sign-in" onSubmit={submit} noValidate>
      <div className="sign-in__details">
        <h2>{t('judge.signIn.title')}</h2>
        {connectionNotice}
        {notice && !failure ? <StatusBanner kind="info">{t(notice)}</StatusBanner> : null}
        {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
        <TextField
          label={t('judge.stageCode')}
          hint={t('judge.stageCodeHint')}
          error={problemText(lang, problems['stageCode'])}
          value={stageCode}
          onChange={(event) => setStageCode(event.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          className="sign-in__code"
        />
      </div>
      <div className="sign-in__pad" role="group" aria-labelledby="pin-label">
        <p className="sign-in__pin-label" id="pin-label">
          {t('judge.pin')}
        </p>
        {problems['pin'] ? (
          <p className="sign-in__pin-error">{problemText(lang, problems['pin'])}</p>
        ) : null}
        <PinKeypad pin={pin} onChange={setPin} disabled={busy} />
        <Button type="submit" large block busy={busy}>
          {t('common.signIn')}
        </Button>
      </div>
    </form>
  );
}
