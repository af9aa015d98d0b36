import { useState } from 'preact/hooks';
import type { Account, FieldIssue } from '@/lib/networks/types';
import { readPastedAccount } from '@/lib/networks/paste';
import type { SubmitResult } from '@/lib/options/model';
import { t } from '@/lib/i18n/index';
import { fieldIssueText } from '@/lib/i18n/text';
import { Field, describedBy } from './Field';
import { FormActions } from './FormActions';
import { useFocusFirstControl } from './useFocusFirstControl';

export interface AccountFormProps {
  initial: Account;
  isNew: boolean;
  onSubmit: (account: Account) => Promise<SubmitResult>;
  onCancel: () => void;
}

const NETWORK_LABELS = { admitad: 'network_admitad', epn: 'network_epn', portals: 'network_portals', custom: 'network_custom' } as const;
type FormNetwork = keyof typeof NETWORK_LABELS;
type TextFieldName = 'name' | 'code' | 'host' | 'template' | 'appKey' | 'trackingId';

/** Switching network keeps id and name and starts the network's own fields empty. */
function withNetwork(account: Account, network: FormNetwork): Account {
  const base = { id: account.id, name: account.name };
  if (network === 'portals')
    return { ...base, network, appKey: account.network === 'portals' ? account.appKey : '', trackingId: account.network === 'portals' ? account.trackingId : '' };
  if (network === 'admitad') return { ...base, network, code: account.network === 'admitad' ? account.code : '' };
  if (network === 'epn') return { ...base, network, host: account.network === 'epn' ? account.host : '', code: account.network === 'epn' ? account.code : '' };
  return { ...base, network, template: account.network === 'custom' ? account.template : '' };
}

/** Code and host messages that say what this network's value looks like and where to find it. */
function accountIssueText(network: Account['network'], issue: FieldIssue): string {
  if (issue.code === 'badCode' && issue.field === 'code' && network === 'admitad') return t('options_badAdmitadCode');
  if (issue.code === 'badCode' && issue.field === 'code' && network === 'epn') return t('options_badEpnCode');
  if (issue.code === 'badHost' && issue.field === 'host' && network === 'epn') return t('options_badEpnHost', issue.detail ?? '');
  return fieldIssueText(issue);
}

export function AccountForm({ initial, isNew, onSubmit, onCancel }: AccountFormProps) {
  const [draft, setDraft] = useState<Account>(initial);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const formRef = useFocusFirstControl<HTMLFormElement>();
  // Fields filled in from a pasted link, so the form can say where the new value came from.
  const [readFromLink, setReadFromLink] = useState<readonly string[]>([]);
  const errorFor = (field: string) => {
    const issue = issues.find((i) => i.field === field);
    return issue ? accountIssueText(draft.network, issue) : undefined;
  };

  /** Puts what pasted links carry in place of the links; returns the account and what could not be read. */
  const takeLinks = (account: Account) => {
    const read = readPastedAccount(account);
    const changed = (['code', 'host'] as const).filter((field) => field in read.account && (read.account as Record<string, unknown>)[field] !== (account as Record<string, unknown>)[field]);
    if (changed.length > 0) setReadFromLink(changed);
    setDraft(read.account);
    return read;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as Account;
    const read = takeLinks(trimmed);
    if (read.issues.length > 0) {
      setIssues(read.issues);
      return;
    }
    const result = await onSubmit(read.account);
    setIssues(result.ok ? [] : result.issues);
  };

  const textField = (field: TextFieldName, label: string, help?: string) => {
    const id = `account-${field}`;
    const error = errorFor(field);
    const value = (draft as Record<string, unknown>)[field];
    const fieldHelp = readFromLink.includes(field) && !error ? t('options_linkRead') : help;
    return (
      <Field id={id} label={label} help={fieldHelp} error={error}>
        <input
          {...describedBy(id, Boolean(help), error)}
          name={id}
          value={typeof value === 'string' ? value : ''}
          spellcheck={false}
          autoComplete="off"
          onInput={(e) => {
            const next = { ...draft, [field]: e.currentTarget.value } as Account;
            setReadFromLink([]);
            // A pasted link is read at once; typed text only on save, so a link half typed stays as it is.
            if ((e as InputEvent).inputType === 'insertFromPaste') takeLinks(next);
            else setDraft(next);
          }}
        />
      </Field>
    );
  };

  return (
    <form ref={formRef} class="form" onSubmit={submit} aria-label={isNew ? t('options_addAccount') : t('options_editAccount')} noValidate>
      <div class="row">
        <Field id="account-network" label={t('options_accountNetwork')}>
          <select id="account-network" name="account-network" value={draft.network} onChange={(e) => setDraft(withNetwork(draft, e.currentTarget.value as FormNetwork))}>
            {(Object.keys(NETWORK_LABELS) as FormNetwork[]).map((id) => (
              <option key={id} value={id}>
                {t(NETWORK_LABELS[id])}
              </option>
            ))}
          </select>
        </Field>
        {textField('name', t('options_accountName'))}
      </div>
      {draft.network === 'admitad' && textField('code', t('options_admitadCode'), t('options_admitadCodeHelp'))}
      {draft.network === 'epn' && (
        <div class="row">
          {textField('host', t('options_epnHost'), t('options_epnHostHelp'))}
          {textField('code', t('options_epnCode'), t('options_epnCodeHelp'))}
        </div>
      )}
      {draft.network === 'portals' && (
        <div class="row">
          {textField('appKey', t('credentials_appKey'), t('options_portalsAppKeyHelp'))}
          {textField('trackingId', t('credentials_trackingId'), t('options_portalsTrackingIdHelp'))}
        </div>
      )}
      {draft.network === 'custom' && textField('template', t('options_template'), t('options_templateHelp'))}
      <FormActions onCancel={onCancel} />
    </form>
  );
}
