import { useState } from 'preact/hooks';
import type { Account } from '@/lib/networks/types';
import type { OptionsModel } from '@/lib/options/model';
import { t } from '@/lib/i18n/index';
import { AccountForm } from './AccountForm';
import { EmptyState } from './EmptyState';

export interface AccountsSectionProps {
  model: OptionsModel;
  newId: () => string;
}

const NETWORK_LABELS = { admitad: 'network_admitad', epn: 'network_epn', custom: 'network_custom', portals: 'network_portals' } as const;

export function AccountsSection({ model, newId }: AccountsSectionProps) {
  const [editing, setEditing] = useState<{ account: Account; isNew: boolean } | null>(null);
  const accounts = model.accounts.value;

  const remove = (account: Account) => {
    const users = model.presets.value.filter((p) => p.accountId === account.id).length;
    const question = t('options_confirmDelete', account.name) + (users ? `\n${t('options_accountInUse', String(users))}` : '');
    if (confirm(question)) void model.deleteAccount(account.id);
  };

  return (
    <section class="card" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('options_accounts')}</h2>
      <p class="note">{t('options_accountsIntro')}</p>
      {accounts.length === 0 && <EmptyState title={t('options_noAccounts')} action={t('options_noAccountsAction')} testId="accounts-empty" />}
      <ul class="list" data-testid="account-list">
        {accounts.map((account) => (
          <li key={account.id}>
            <span class="grow">
              <strong>{account.name}</strong> <span class="note">{t(NETWORK_LABELS[account.network])}</span>
            </span>
            <button type="button" onClick={() => setEditing({ account, isNew: false })}>
              {t('options_edit')}
            </button>
            <button type="button" class="danger" onClick={() => remove(account)}>
              {t('options_delete')}
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <AccountForm
          key={editing.account.id}
          initial={editing.account}
          isNew={editing.isNew}
          onCancel={() => setEditing(null)}
          onSubmit={async (account) => {
            const result = await model.saveAccount(account);
            if (result.ok) setEditing(null);
            return result;
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing({ account: { id: newId(), network: 'admitad', name: '', code: '' }, isNew: true })}>
          {t('options_addAccount')}
        </button>
      )}
    </section>
  );
}
