// AliExpress Portals accounts and presets (003_8fbdde40efb29f59.txt). Portals links come from the Open
// Platform API, so lib/networks only checks the account and says `needs-api`; the link itself is
// tested in tests/unit/api/portals-link.test.ts and tests/unit/api-service.test.ts.
import { describe, expect, it } from 'vitest';
import { accountSchema, buildDeeplink, validateAccount, type Account } from '../../../lib/networks';
import { portalsTrackingId, validatePresetPortals } from '../../../lib/networks/portals-tracking';
import { presetSchema, validatePreset, type Preset } from '../../../lib/presets';

const portals: Account = { id: 'acc-p', network: 'portals', name: 'My Portals', appKey: '500123', trackingId: 'blog_main' };
const preset: Preset = { id: 'p1', name: 'Portals blog', accountId: 'acc-p', program: 'portals', audienceCountry: 'US', subIds: {}, keepSku: false, portals: { af: 'tg', cn: 'sale11' } };
const PRODUCT = 'https://www.aliexpress.com/item/1005006789012345.html?spm=x&aff_fcid=other';

describe('Portals accounts', () => {
  it.each([
    { name: 'a full account', input: portals, expected: [] },
    { name: 'no tracking id (the credentials\' default is used)', input: { ...portals, trackingId: '' }, expected: [] },
    { name: 'no app key', input: { ...portals, appKey: '' }, expected: [{ field: 'appKey', code: 'required' }] },
    { name: 'an app key with spaces', input: { ...portals, appKey: '500 123' }, expected: [{ field: 'appKey', code: 'badCode' }] },
    { name: 'a tracking id Portals does not make', input: { ...portals, trackingId: 'a b' }, expected: [{ field: 'trackingId', code: 'badCode' }] },
  ])('validateAccount: $name', ({ input, expected }) => {
    const actual = validateAccount(input as Account);
    expect(actual).toEqual(expected);
  });

  it('reads a stored Portals account and still reads the older account kinds', () => {
    const stored: unknown[] = [
      portals,
      { id: 'acc1', network: 'admitad', name: 'Admitad', code: 'abc123def456abc123def456abc123' },
      { id: 'acc2', network: 'epn', name: 'ePN', host: 'alipromo.com', code: 'abcdefabcdefabcdefabcdefabcdefab' },
      { id: 'acc3', network: 'custom', name: 'Custom', template: 'https://go.example.com/?u={url_encoded}' },
    ];
    const actual = stored.map((input) => accountSchema.safeParse(input).success);
    expect(actual).toEqual([true, true, true, true]);
  });

  it('refuses a Portals account without its fields', () => {
    const actual = accountSchema.safeParse({ id: 'x', network: 'portals', name: 'P' });
    expect(actual.success).toBe(false);
  });

  it('has no local link: buildDeeplink says needs-api (a plain URL would earn nothing)', () => {
    const actual = buildDeeplink(PRODUCT, preset, portals);
    expect(actual).toEqual({ ok: false, code: 'needs-api' });
  });
});

describe('Portals presets', () => {
  it('reads presets saved before the Portals fields existed, and with them', () => {
    const { portals: _omitted, ...old } = preset;
    expect(presetSchema.safeParse(old)).toMatchObject({ success: true, data: old });
    expect(presetSchema.safeParse(preset)).toMatchObject({ success: true, data: preset });
  });

  it('drops unknown keys inside the Portals fields and refuses non-text values', () => {
    expect(presetSchema.safeParse({ ...preset, portals: { af: 'a', xx: 'y' } })).toMatchObject({ success: true, data: { portals: { af: 'a' } } });
    expect(presetSchema.safeParse({ ...preset, portals: { af: 5 } }).success).toBe(false);
  });

  it.each([
    { name: 'clean strings', input: { trackingId: 'tg_1', af: '001', cn: '002', cv: '003', dp: 'abc' }, expected: [] },
    { name: 'a control character in af', input: { af: 'a\u0001' }, expected: [{ field: 'portals.af', code: 'forbiddenChars', detail: 'U+0001' }] },
    { name: 'a bad tracking id', input: { trackingId: 'no spaces please' }, expected: [{ field: 'portals.trackingId', code: 'badCode' }] },
    { name: 'dp over 255 characters', input: { dp: 'x'.repeat(256) }, expected: [{ field: 'portals.dp', code: 'tooLong', max: 255 }] },
  ])('validatePresetPortals: $name', ({ input, expected }) => {
    const actual = validatePresetPortals(input);
    expect(actual).toEqual(expected);
  });

  it('validatePreset checks the Portals fields of a preset on a Portals account', () => {
    const actual = validatePreset({ ...preset, portals: { cv: '%00' } }, [portals], []);
    expect(actual).toEqual([{ field: 'portals.cv', code: 'forbiddenChars', detail: '%00' }]);
  });

  it.each([
    { name: 'the preset\'s own', input: ['tg', 'acc', 'cred'], expected: 'tg' },
    { name: 'the account\'s', input: [undefined, 'acc', 'cred'], expected: 'acc' },
    { name: 'the credentials\' default', input: ['', '', 'cred'], expected: 'cred' },
    { name: 'none', input: [undefined, '', ''], expected: undefined },
  ])('portalsTrackingId: $name', ({ input, expected }) => {
    const [fromPreset, fromAccount, fallback] = input;
    const actual = portalsTrackingId(fromPreset, { ...portals, network: 'portals', trackingId: fromAccount ?? '' } as Extract<Account, { network: 'portals' }>, fallback);
    expect(actual).toBe(expected);
  });
});
