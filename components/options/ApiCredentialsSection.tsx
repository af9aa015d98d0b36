import { useEffect, useState } from 'preact/hooks';
import type { ApiService, CredentialsInput, CredentialsIssue } from '@/lib/api/credentials';
import { t, type MessageKey } from '@/lib/i18n/index';
import { apiHostName as hostName, type CredentialsModel, type CredentialsStatus } from '@/lib/options/credentials-model';
import { apiErrorText } from '../shared/api-error-text';
import { Field, describedBy } from './Field';

export interface ApiCredentialsSectionProps {
  /** Wired to the background's messages and the browser's permissions by the options entrypoint. */
  model: CredentialsModel;
}

type FieldName = 'appKey' | 'appSecret' | 'trackingId' | 'clientId' | 'clientSecret' | 'websiteId' | 'campaignId';

const LABELS: Record<FieldName, MessageKey> = {
  appKey: 'credentials_appKey',
  appSecret: 'credentials_appSecret',
  trackingId: 'credentials_trackingId',
  clientId: 'credentials_clientId',
  clientSecret: 'credentials_clientSecret',
  websiteId: 'credentials_websiteId',
  campaignId: 'credentials_campaignId',
};
const SECRET_FIELDS = new Set<FieldName>(['appSecret', 'clientSecret']);

function issueText(issue: CredentialsIssue): string {
  return issue.code === 'required' ? t('validation_required') : t('credentials_badFormat');
}

function statusText(status: CredentialsStatus, service: ApiService): { text: string; error: boolean } | null {
  switch (status.kind) {
    case 'saved':
      return status.access ? { text: t('credentials_saved'), error: false } : { text: t('credentials_savedNoAccess', hostName(service)), error: true };
    case 'removed':
      return { text: t('credentials_removed'), error: false };
    case 'checking':
      return { text: t('credentials_checking'), error: false };
    case 'checked': {
      const { result } = status;
      if (result.ok) return { text: t('credentials_checkOk'), error: false };
      if ('error' in result) return { text: t('credentials_checkFailed', apiErrorText(result.error)), error: true };
      return { text: result.reason === 'no-access' ? t('credentials_savedNoAccess', hostName(service)) : t('credentials_notSet'), error: true };
    }
    case 'storage-failed':
    case 'failed':
      return { text: status.kind === 'storage-failed' && status.full ? t('options_quotaExceeded') : t('credentials_storageFailed'), error: true };
    default:
      return null;
  }
}

interface ServiceFormProps {
  service: ApiService;
  model: CredentialsModel;
  fields: readonly FieldName[];
  /** The masked values saved now, by field; null when nothing is saved. */
  saved: Partial<Record<FieldName, string>> | null;
}

function ServiceForm({ service, model, fields, saved }: ServiceFormProps) {
  const [draft, setDraft] = useState<Partial<Record<FieldName, string>>>({});
  const status = model.status.value[service];
  const issues = status.kind === 'issues' ? status.issues : [];
  const shown = statusText(status, service);
  const valueOf = (field: FieldName) => draft[field] ?? (SECRET_FIELDS.has(field) ? '' : (saved?.[field] ?? ''));

  const submit = (event: Event) => {
    event.preventDefault();
    const value = (field: FieldName) => valueOf(field);
    const input: CredentialsInput =
      service === 'aliexpress'
        ? { service, appKey: value('appKey'), appSecret: value('appSecret'), trackingId: value('trackingId') }
        : { service, clientId: value('clientId'), clientSecret: value('clientSecret'), websiteId: value('websiteId'), campaignId: value('campaignId') };
    // The host request is the model's first call: still inside this submit's user action.
    void model.save(input).then(() => {
      if (model.status.value[service].kind !== 'issues') setDraft({});
    });
  };

  const remove = () => {
    if (confirm(t('credentials_confirmRemove', t(`credentials_${service}`)))) void model.remove(service);
  };

  return (
    <form class="form" onSubmit={submit} aria-labelledby={`credentials-${service}-heading`} noValidate data-testid={`credentials-${service}`}>
      <h3 id={`credentials-${service}-heading`}>{t(`credentials_${service}`)}</h3>
      <p class="note">{t('credentials_hostReason', hostName(service))}</p>
      {fields.map((field) => {
        const id = `credentials-${service}-${field}`;
        const issue = issues.find((candidate) => candidate.field === field);
        const error = issue ? issueText(issue) : undefined;
        const savedSecret = SECRET_FIELDS.has(field) ? saved?.[field] : undefined;
        const help = savedSecret ? t('credentials_savedSecret', savedSecret) : field === 'trackingId' ? t('credentials_trackingIdHelp') : undefined;
        return (
          <Field key={field} id={id} label={t(LABELS[field])} help={help} error={error}>
            <input
              {...describedBy(id, Boolean(help), error)}
              name={id}
              type={SECRET_FIELDS.has(field) ? 'password' : 'text'}
              value={valueOf(field)}
              spellcheck={false}
              autoComplete="off"
              onInput={(event) => setDraft({ ...draft, [field]: event.currentTarget.value })}
            />
          </Field>
        );
      })}
      <div class="actions">
        <button type="submit" class="primary" disabled={model.busy.value}>
          {t('options_save')}
        </button>
        {saved && (
          <button type="button" disabled={model.busy.value} onClick={() => void model.check(service)}>
            {t('credentials_check')}
          </button>
        )}
        {saved && (
          <button type="button" class="danger" disabled={model.busy.value} onClick={remove}>
            {t('credentials_remove')}
          </button>
        )}
      </div>
      <p class={shown?.error ? 'error' : 'note'} role="status" data-testid={`credentials-${service}-status`}>
        {shown?.text ?? (saved ? '' : t('credentials_notSet'))}
      </p>
    </form>
  );
}

/** The options page's API credentials: entered here, kept by the background, shown masked. */
export function ApiCredentialsSection({ model }: ApiCredentialsSectionProps) {
  useEffect(() => {
    void model.load();
  }, [model]);
  const view = model.view.value;
  return (
    <section class="card" aria-labelledby="credentials-heading" data-testid="api-credentials">
      <h2 id="credentials-heading">{t('credentials_heading')}</h2>
      <p class="note">{t('credentials_intro')}</p>
      <ServiceForm service="aliexpress" model={model} fields={['appKey', 'appSecret', 'trackingId']} saved={view?.aliexpress ?? null} />
      <ServiceForm service="admitad" model={model} fields={['clientId', 'clientSecret', 'websiteId', 'campaignId']} saved={view?.admitad ?? null} />
    </section>
  );
}
