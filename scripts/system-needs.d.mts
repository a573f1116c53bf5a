/** Types of system-needs.mjs (plain Node, run before `npm ci`). */
export interface Probes {
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
  onPath(command: string): string | null;
  chineseFont(): boolean;
}
export type NeedKind = 'tests' | 'build' | 'venue';
export interface Need {
  what: string;
  package: string;
  for: NeedKind;
  hint?: { 'zh-CN': string; en: string };
  present(probes: Probes): boolean;
}
export function machineProbes(env?: Record<string, string | undefined>): Probes;
export function chromiumCandidates(env: Record<string, string | undefined>): (string | undefined)[];
export const NEEDS: readonly Need[];
export function missingNeeds(probes?: Probes, kinds?: NeedKind[]): Need[];
