import type { MessageKey } from '@olympiad/i18n';
import { ChoiceGroup, useLanguage } from '@olympiad/ui';
import { STAFF_ROLES, type StaffRole } from '@olympiad/contracts';

/** The three roles as large choices, each with one line on what it may do. */
export function StaffRoleChoice({
  value,
  onChange,
}: {
  value: StaffRole;
  onChange: (role: StaffRole) => void;
}) {
  const { t } = useLanguage();
  return (
    <div className="ui-field">
      <span className="ui-field__label">{t('console.staff.role')}</span>
      <ChoiceGroup<StaffRole>
        label={t('console.staff.role')}
        options={STAFF_ROLES.map((role) => ({
          value: role,
          label: t(`console.staff.role.${role}` as MessageKey),
        }))}
        value={value}
        onChange={onChange}
      />
      <p className="ui-muted">{t(`console.staff.roleHint.${value}` as MessageKey)}</p>
    </div>
  );
}
