export declare const SAMPLE_PRODUCT_ID: string;
export declare function sampleProductUrl(id?: string): string;
export declare const DEMO_ACCOUNT: { id: string; network: 'admitad'; name: string; code: string };
export declare const DEMO_PRESET: {
  id: string;
  name: string;
  accountId: string;
  program: 'ww';
  audienceCountry: string;
  subIds: { subid: string; subid1: string };
  keepSku: boolean;
};
export declare const DEMO_STORAGE: {
  accounts: (typeof DEMO_ACCOUNT)[];
  presets: (typeof DEMO_PRESET)[];
  settings: { defaultPresetId: string | null; lastUsedPresetId: string | null };
};
export declare function expectedAdmitadLink(cleanUrl: string): string;
