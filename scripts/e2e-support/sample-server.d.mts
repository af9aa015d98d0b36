export declare const SAMPLE_HOSTS: readonly string[];
export declare const SAMPLE_COOKIE: { readonly name: string; readonly value: string };
export declare function renderSamplePage(
  host: string,
  pathname: string,
): { status: number; headers: Record<string, string>; body: string };
export interface SampleServer {
  readonly port: number;
  close(): Promise<void>;
}
export declare function startSampleServer(options?: { port?: number }): Promise<SampleServer>;
export declare function hostResolverRules(port: number): string;
