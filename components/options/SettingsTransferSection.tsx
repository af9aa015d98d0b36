import { useState } from 'preact/hooks';
import type { TransferModel } from '@/lib/options/transfer-model';
import { importErrorText } from '@/lib/options/text';
import type { FieldChange, ListDiff, SettingsDiff } from '@/lib/options/settings-transfer';
import type { LeftOff } from '@/lib/options/transfer-model';
import { t, type MessageKey } from '@/lib/i18n/index';
import { Field } from './Field';
import { FormActions } from './FormActions';

export interface SettingsTransferSectionProps {
  model: TransferModel;
}

const names = (items: readonly { name: string }[]) => items.map((item) => item.name).join(', ');

/** Each changed value, old and new: a swapped ad-space code or sub-id is seen before it is written. */
function FieldChanges({ changes }: { changes: readonly FieldChange[] }) {
  return (
    <ul class="field-changes">
      {changes.map((change) => (
        <li key={change.field}>
          {t('transfer_fieldChange', [change.field, change.before ?? t('transfer_emptyValue'), change.after ?? t('transfer_emptyValue')])}
        </li>
      ))}
    </ul>
  );
}

function ListChanges({ title, diff, testId }: { title: string; diff: ListDiff<{ id: string; name: string }>; testId: string }) {
  return (
    <div data-testid={testId}>
      <h4>{title}</h4>
      <ul class="diff">
        {diff.added.length > 0 && <li class="added">{t('transfer_added', [String(diff.added.length), names(diff.added)])}</li>}
        {diff.changed.length > 0 && (
          <li class="changed">
            {t('transfer_changed', [
              String(diff.changed.length),
              diff.changed.map((change) => t('transfer_changedItem', [change.after.name, change.fields.join(', ')])).join('; '),
            ])}
            <ul>
              {diff.changed.map((change) => (
                <li key={change.after.id}>
                  {change.after.name}
                  <FieldChanges changes={change.changes} />
                </li>
              ))}
            </ul>
          </li>
        )}
        {diff.removed.length > 0 && <li class="removed">{t('transfer_removed', [String(diff.removed.length), names(diff.removed)])}</li>}
        {diff.unchanged > 0 && <li class="note">{t('transfer_unchanged', String(diff.unchanged))}</li>}
        {diff.added.length + diff.changed.length + diff.removed.length + diff.unchanged === 0 && <li class="note">{t('transfer_none')}</li>}
      </ul>
    </div>
  );
}

const EXTRA_LABELS: Readonly<Record<string, MessageKey>> = {
  badgeOptIn: 'transfer_extra_badgeOptIn',
  shipToAllowed: 'transfer_extra_shipToAllowed',
  'rateSource.url': 'transfer_extra_rateSourceUrl',
  'rateSource.intervalMinutes': 'transfer_extra_rateSourceInterval',
  hotList: 'transfer_extra_hotList',
  categoryPicks: 'transfer_extra_categoryPicks',
  'weeklyRecheck.enabled': 'transfer_extra_weeklyRecheck',
  'weeklyRecheck.count': 'transfer_extra_weeklyRecheckCount',
};

const LEFT_OFF_KEYS: Readonly<Record<LeftOff, MessageKey>> = {
  badge: 'transfer_leftOff_badge',
  shipTo: 'transfer_leftOff_shipTo',
  rateSource: 'transfer_leftOff_rateSource',
  rateSourceFailed: 'transfer_leftOff_rateSourceFailed',
  history: 'transfer_leftOff_history',
  weeklyRecheck: 'transfer_leftOff_weeklyRecheck',
};

const extraValue = (value: string | null) => (value === 'true' ? t('transfer_on') : value === 'false' ? t('transfer_off') : value);

/** The opt-ins, sources and picks a version 2 file changes, named as their sections name them. */
function ExtraChanges({ changes }: { changes: readonly FieldChange[] }) {
  return (
    <div data-testid="transfer-extras">
      <h4>{t('transfer_extrasTitle')}</h4>
      <FieldChanges changes={changes.map((change) => ({ field: t(EXTRA_LABELS[change.field]!), before: extraValue(change.before), after: extraValue(change.after) }))} />
    </div>
  );
}

function Preview({ diff, fileName, version }: { diff: SettingsDiff; fileName: string; version: number }) {
  return (
    <>
      <h3 id="transfer-preview-heading">{t('transfer_previewTitle', fileName)}</h3>
      {version === 1 && <p class="note">{t('transfer_version1')}</p>}
      <ListChanges title={t('options_accounts')} diff={diff.accounts} testId="transfer-accounts" />
      <ListChanges title={t('options_presets')} diff={diff.presets} testId="transfer-presets" />
      {diff.defaultPreset && <p>{t('transfer_defaultPreset', [diff.defaultPreset.before ?? t('transfer_noDefault'), diff.defaultPreset.after ?? t('transfer_noDefault')])}</p>}
      {diff.extras.length > 0 && <ExtraChanges changes={diff.extras} />}
      {diff.secrets.length > 0 && (
        <div data-testid="transfer-secrets">
          <h4>{t('transfer_secretsTitle')}</h4>
          <FieldChanges changes={diff.secrets} />
        </div>
      )}
      {!diff.changesAnything && <p class="note">{t('transfer_nothingChanges')}</p>}
    </>
  );
}

/** A backup of everything but the secrets as a JSON file, and its restore with a preview of what changes. */
export function SettingsTransferSection({ model }: SettingsTransferSectionProps) {
  const [exportSecrets, setExportSecrets] = useState(false);
  const [exportHistory, setExportHistory] = useState(false);
  const [importSecrets, setImportSecrets] = useState(false);
  const [importHistory, setImportHistory] = useState(false);
  const phase = model.phase.value;

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setImportSecrets(false);
    setImportHistory(false);
    await model.readFile(file);
    input.value = '';
  };

  return (
    <section class="card" id="backup" aria-labelledby="transfer-heading" data-testid="transfer">
      <h2 id="transfer-heading">{t('transfer_title')}</h2>
      <p class="note">{t('transfer_intro')}</p>
      <fieldset>
        <legend>{t('transfer_export')}</legend>
        <label class="checkbox">
          <input type="checkbox" name="export-history" checked={exportHistory} onChange={(e) => setExportHistory(e.currentTarget.checked)} />
          {t('transfer_exportHistory')}
        </label>
        <label class="checkbox">
          <input type="checkbox" name="export-secrets" checked={exportSecrets} onChange={(e) => setExportSecrets(e.currentTarget.checked)} />
          {t('transfer_exportSecrets')}
        </label>
        {exportSecrets && <p class="note warn">{t('transfer_exportSecretsWarning')}</p>}
        <button type="button" onClick={() => void model.exportFile(exportSecrets, exportHistory)}>
          {t('transfer_exportButton')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('transfer_import')}</legend>
        <Field id="transfer-file" label={t('transfer_file')} help={t('transfer_fileHelp')}>
          <input id="transfer-file" type="file" accept=".json,application/json" aria-describedby="transfer-file-help" onChange={(event) => void onFile(event)} />
        </Field>
      </fieldset>
      <div role="status" data-testid="transfer-status">
        {phase.kind === 'exported' && (
          <p>
            {phase.withSecrets ? t('transfer_exportedWithSecrets') : t('transfer_exported')}
            {phase.withHistory && ` ${t('transfer_exportedHistory')}`}
          </p>
        )}
        {phase.kind === 'imported' && (
          <p>
            {t('transfer_imported', [String(phase.diff.presets.added.length + phase.diff.presets.changed.length + phase.diff.presets.unchanged), String(phase.diff.accounts.added.length + phase.diff.accounts.changed.length + phase.diff.accounts.unchanged)])}
            {phase.withSecrets && ` ${t('transfer_importedSecrets')}`}
          </p>
        )}
        {phase.kind === 'imported' && phase.leftOff.length > 0 && (
          <ul class="left-off" data-testid="transfer-left-off">
            {phase.leftOff.map((item) => (
              <li key={item} class="warn">
                {t(LEFT_OFF_KEYS[item])}
              </li>
            ))}
          </ul>
        )}
      </div>
      {phase.kind === 'refused' && (
        <p class="banner" role="alert" data-testid="transfer-error">
          {t('transfer_refused', [phase.fileName, importErrorText(phase.error)])}
        </p>
      )}
      {phase.kind === 'saveFailed' && (
        <p class="banner" role="alert" data-testid="transfer-error">
          {phase.error.kind === 'quota' ? t('options_quotaExceeded') : t('options_saveFailed', phase.error.message)}
        </p>
      )}
      {phase.kind === 'preview' && (
        <div class="form" role="region" aria-labelledby="transfer-preview-heading" data-testid="transfer-preview">
          <Preview diff={phase.diff} fileName={phase.fileName} version={phase.file.version} />
          {phase.diff.historyEntries !== null && phase.diff.historyEntries > 0 && (
            <label class="checkbox">
              <input type="checkbox" name="import-history" checked={importHistory} onChange={(e) => setImportHistory(e.currentTarget.checked)} />
              {t('transfer_importHistory', String(phase.diff.historyEntries))}
            </label>
          )}
          {phase.diff.hasSecrets && (
            <label class="checkbox">
              <input type="checkbox" name="import-secrets" checked={importSecrets} onChange={(e) => setImportSecrets(e.currentTarget.checked)} />
              {t('transfer_importSecrets')}
            </label>
          )}
          <FormActions confirmLabel={t('transfer_apply')} onConfirm={() => void model.apply(importSecrets, importHistory)} onCancel={() => model.cancel()} />
        </div>
      )}
    </section>
  );
}
