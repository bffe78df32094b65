import { type DeviceSummary, type FieldSummary, routes } from '@olympiad/contracts';
import {
  type ApiClient,
  Button,
  describeError,
  SelectField,
  StatusBanner,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';

/**
 * Which controller of a maze table is its start gate and which its finish gate
 * (docs/sensor-contract.md#gate-layout); "one controller does both" is the default. Offered once
 * the table has two controllers.
 */
export function GateLayoutForm({
  api,
  field,
  devices,
  onSaved,
}: {
  api: ApiClient;
  field: FieldSummary;
  devices: DeviceSummary[];
  onSaved: () => void;
}) {
  const { lang, t } = useLanguage();
  const [start, setStart] = useState(field.startDeviceId ?? '');
  const [finish, setFinish] = useState(field.finishDeviceId ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const options = [
    { value: '', label: t('console.fields.oneDevice') },
    ...devices.map((device) => ({
      value: device.id,
      label: device.label ? `${device.id} · ${device.label}` : device.id,
    })),
  ];
  // Both gates named, or neither: the server refuses half a layout.
  const complete = (start === '') === (finish === '');
  const unchanged =
    start === (field.startDeviceId ?? '') && finish === (field.finishDeviceId ?? '');

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      await api.call(routes.fields.setGates, {
        params: { fieldId: field.id },
        body: { startDeviceId: start || null, finishDeviceId: finish || null },
      });
      setSaved(true);
      onSaved();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="device-form"
      aria-label={t('console.fields.gates')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4>{t('console.fields.gates')}</h4>
      <p className="ui-muted">{t('console.fields.gatesHint')}</p>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {saved ? <StatusBanner kind="success">{t('console.fields.gatesSaved')}</StatusBanner> : null}
      <div className="form-grid">
        <SelectField
          label={t('console.fields.startDevice')}
          options={options}
          value={start}
          onChange={(value) => {
            setStart(value);
            setSaved(false);
          }}
        />
        <SelectField
          label={t('console.fields.finishDevice')}
          options={options}
          value={finish}
          onChange={(value) => {
            setFinish(value);
            setSaved(false);
          }}
        />
      </div>
      <Button type="submit" variant="secondary" busy={busy} disabled={!complete || unchanged}>
        {t('console.fields.saveGates')}
      </Button>
    </form>
  );
}
