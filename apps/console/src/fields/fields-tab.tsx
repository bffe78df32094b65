import { type DeviceStatus, type DeviceSummary, type RegisteredDevice, routes } from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import { type ApiClient, Button, ConnectionBadge, describeError, QueryStatus, SelectField, StatusBanner, TextField, useLanguage, useQuery } from '@olympiad/ui';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { GateLayoutForm } from './gate-layout-form';
import { useDeviceHealth } from './use-device-health';

const DISCIPLINES = ['maze', 'sumo', 'programming', 'creative'] as const;


/** Fields (maze tables, sumo rings) and their sensor controllers: register one, its secret once with a QR code, live health. */
export function FieldsTab({ console: consoleApi, stageId }: { console: ConsoleApi; stageId: string }) {
  const { t } = useLanguage();
  const { api } = consoleApi;
  const fields = useQuery((signal) => api.call(routes.fields.list, { params: { stageId } }, { signal }), [api, stageId]);
  const devices = useQuery((signal) => api.call(routes.devices.list, { params: { stageId } }, { signal }), [api, stageId]);
  const [registered, setRegistered] = useState<RegisteredDevice | null>(null);
  const ids = (fields.data ?? []).map((field) => field.id);
  const health = useDeviceHealth(ids, consoleApi.getToken);

  return (
    <>
      {registered ? <SecretOnce device={registered} onDone={() => setRegistered(null)} /> : null}
      <QueryStatus query={fields} empty={<StatusBanner kind="info">{t('console.fields.empty')}</StatusBanner>} />
      {(fields.data ?? []).length > 0 ? (
        <div className="live-line">
          <ConnectionBadge state={health.connected ? 'online' : 'connecting'} />
        </div>
      ) : null}
      <ul className="plain-list">
        {(fields.data ?? []).map((field) => (
          <li key={field.id} className="ui-card">
            <h3 className="category-card__name">{field.name}</h3>
            <span className="ui-muted">{t(`discipline.${field.discipline}` as MessageKey)}</span>
            <ul className="plain-list">
              {(devices.data ?? []).filter((device) => device.fieldId === field.id).map((device) => (
                <DeviceRow key={device.id} device={device} status={health.devices[device.id]} />
              ))}
            </ul>
            {field.discipline === 'maze' && (devices.data ?? []).filter((device) => device.fieldId === field.id).length > 1 ? (
              <GateLayoutForm api={api} field={field} devices={(devices.data ?? []).filter((device) => device.fieldId === field.id)} onSaved={fields.reload} />
            ) : null}
            <RegisterDeviceForm api={api} fieldId={field.id} onRegistered={(device) => { setRegistered(device); devices.reload(); }} />
          </li>
        ))}
      </ul>
      <CreateFieldForm api={api} stageId={stageId} onCreated={fields.reload} />
    </>
  );
}

function DeviceRow({ device, status }: { device: DeviceSummary; status: DeviceStatus | undefined }) {
  const { lang, t } = useLanguage();
  const online = status?.online ?? false;
  return (
    <li className="team-row">
      <div className="team-row__text">
        <strong>{device.id}</strong> {device.label ? <span className="ui-muted">· {device.label}</span> : null}{' '}
        <span className={`tag ${online ? 'tag--live' : 'tag--withdrawn'}`}>{t(online ? 'console.devices.online' : 'console.devices.offline')}</span>
        <div className="ui-muted">
          {t('console.devices.battery', { value: status?.battery ?? '—' })} · {t('console.devices.lastSeen', { time: status?.lastSeenAt ? formatClockTime(status.lastSeenAt, lang, undefined, { seconds: true }) : '—' })}
          {status?.fw ? ` · fw ${status.fw}` : ''}
        </div>
      </div>
    </li>
  );
}

function SecretOnce({ device, onDone }: { device: RegisteredDevice; onDone: () => void }) {
  const { t } = useLanguage();
  const [qr, setQr] = useState<string | null>(null);
  // Exactly what `bridge serial|simulate --config <file>` reads, as the server made it.
  const config = JSON.stringify(device.bridgeConfig);
  const fileName = `${device.id}.json`;
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(config, { margin: 1, width: 240 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [config]);
  return (
    <section className="ui-card secret-once" aria-live="polite">
      <StatusBanner kind="success">{t('console.devices.secretOnce', { id: device.id })}</StatusBanner>
      <div className="secret-once__body">
        {qr ? <img src={qr} width={240} height={240} alt={t('console.devices.qrAlt', { id: device.id })} /> : null}
        <div>
          <p className="ui-field__label">{t('console.devices.secret')}</p>
          <code className="secret-once__code">{device.secret}</code>
          <p className="ui-field__label">{t('console.devices.bridgeConfig')}</p>
          <pre className="secret-once__code">{config}</pre>
          <p className="ui-field__label">{t('console.devices.bridgeHint', { file: fileName })}</p>
          <code className="secret-once__code secret-once__command">bridge serial --port /dev/ttyUSB0 --config {fileName}</code>
        </div>
      </div>
      <Button onClick={onDone}>{t('console.devices.secretSaved')}</Button>
    </section>
  );
}

function RegisterDeviceForm({ api, fieldId, onRegistered }: { api: ApiClient; fieldId: string; onRegistered: (device: RegisteredDevice) => void }) {
  const { lang, t } = useLanguage();
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onRegistered(await api.call(routes.devices.register, { body: { id: id.trim().toLowerCase(), label, fieldId } }));
      setId('');
      setLabel('');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="device-form" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <div className="form-grid">
        <TextField label={t('console.devices.id')} hint={t('console.devices.idHint')} value={id} onChange={(event) => setId(event.target.value)} />
        <TextField label={t('console.devices.label')} value={label} onChange={(event) => setLabel(event.target.value)} />
      </div>
      <Button type="submit" variant="secondary" busy={busy} disabled={id.trim().length < 3}>{t('console.devices.register')}</Button>
    </form>
  );
}

function CreateFieldForm({ api, stageId, onCreated }: { api: ApiClient; stageId: string; onCreated: () => void }) {
  const { lang, t } = useLanguage();
  const [name, setName] = useState('');
  const [discipline, setDiscipline] = useState<(typeof DISCIPLINES)[number]>('maze');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.fields.create, { body: { stageId, name: name.trim(), discipline } });
      setName('');
      onCreated();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ui-card" noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h3>{t('console.fields.new')}</h3>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <div className="form-grid">
        <TextField label={t('console.fields.name')} placeholder={t('console.fields.namePlaceholder')} value={name} onChange={(event) => setName(event.target.value)} />
        <SelectField
          label={t('console.categories.discipline')}
          options={DISCIPLINES.map((value) => ({ value, label: t(`discipline.${value}` as MessageKey) }))}
          value={discipline}
          onChange={setDiscipline}
        />
      </div>
      <Button type="submit" busy={busy} disabled={!name.trim()}>{t('console.fields.submit')}</Button>
    </form>
  );
}
