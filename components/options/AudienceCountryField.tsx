import { useMemo } from 'preact/hooks';
import type { ProgramId } from '@/lib/presets/types';
import { audienceCountryGroups, audienceRegion, countryNamer } from '@/lib/options/countries';
import { DEFAULT_RATE_TABLES, programLabelKey, regionLabelKey, type RateTables } from '@/lib/rates';
import { t, uiLanguage, type MessageKey } from '@/lib/i18n/index';
import { Field, describedBy } from './Field';

export interface AudienceCountryFieldProps {
  id: string;
  value: string | null;
  program: ProgramId;
  error?: string;
  onChange: (country: string | null) => void;
  /** The rate tables whose country lists group the options; the embedded (seed) tables by default. */
  tables?: RateTables;
}

const programLabel = (program: ProgramId) => t(programLabelKey(program) as MessageKey);
const regionLabel = (region: string) => t(regionLabelKey(region) as MessageKey);

/**
 * The audience country as a list of country names, grouped by the delivery region the preset's
 * program puts each in (seeds 001, 002, 004), with the chosen country's region said below.
 */
export function AudienceCountryField({ id, value, program, error, onChange, tables = DEFAULT_RATE_TABLES }: AudienceCountryFieldProps) {
  const language = uiLanguage();
  const nameOf = useMemo(() => countryNamer(language), [language]);
  const groups = useMemo(() => audienceCountryGroups(program, tables, nameOf, language, value), [program, tables, nameOf, language, value]);
  const region = value ? audienceRegion(program, value, tables) : null;
  const help = !value
    ? t('options_presetAudienceHelp')
    : region
      ? t('options_audienceRegionNote', [nameOf(value), regionLabel(region), programLabel(program)])
      : t('options_audienceNoRegions', [nameOf(value), programLabel(program)]);
  return (
    <Field id={id} label={t('options_presetAudience')} help={help} error={error}>
      <select {...describedBy(id, true, error)} name={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{t('options_audienceMixed')}</option>
        {groups.map((group) => (
          <optgroup key={group.region ?? 'all'} label={group.region ? t('options_audienceGroup', [programLabel(program), regionLabel(group.region)]) : t('options_audienceAll')}>
            {group.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name} ({country.code})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}
