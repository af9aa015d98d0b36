import type { SourcesModel } from '@/lib/options/sources-model';
import { hotRowErrorMessage } from '@/lib/hotlist';
import { hotImportFailureText } from '@/lib/options/text';
import { t, type MessageKey } from '@/lib/i18n/index';
import { Field } from './Field';
import { EmptyState } from './EmptyState';

export interface HotListSectionProps {
  model: SourcesModel;
}

const tr = (message: { key: string; substitutions: string[] }) => t(message.key as MessageKey, message.substitutions);

/** Import of a hot-products export, what it gave, and the lists kept. */
export function HotListSection({ model }: HotListSectionProps) {
  const result = model.hotImport.value;
  const sources = model.hotList.value.sources;

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await model.importHotList(await file.text(), file.name);
    input.value = '';
  };

  return (
    <section class="card" aria-labelledby="hot-heading" data-testid="hot-list">
      <h2 id="hot-heading">{t('options_hotList')}</h2>
      <p class="note">{t('options_hotListIntro')}</p>
      <Field id="hot-file" label={t('options_hotListFile')}>
        <input id="hot-file" type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={(event) => void onFile(event)} />
      </Field>
      {result && (
        <div role="status" data-testid="hot-import-result">
          {result.ok ? (
            <>
              <p>{t('hot_importDone', String(result.imported))}</p>
              {result.rowErrorCount > 0 && <p class="note">{t('hot_importSkipped', String(result.rowErrorCount))}</p>}
              {result.rowErrors.length > 0 && (
                <ul class="note">
                  {result.rowErrors.map((error, index) => (
                    <li key={index}>{tr(hotRowErrorMessage(error))}</li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p class="error">{hotImportFailureText(result)}</p>
          )}
        </div>
      )}
      {sources.length === 0 ? (
        <EmptyState title={t('options_hotListEmpty')} action={t('options_hotListEmptyAction')} testId="hot-list-empty" />
      ) : (
        <ul class="list">
          {sources.map((source) => (
            <li key={source.id}>
              <span class="grow">{t('options_hotListSource', [source.label, String(source.ids.length), new Date(source.updatedAt).toLocaleString()])}</span>
              <button type="button" class="danger" onClick={() => void model.removeHotSource(source.id)}>
                {t('options_hotListRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
