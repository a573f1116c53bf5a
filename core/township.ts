/**
 * Which township a result file speaks for, as the district's key registry matches it. A file
 * carries the congress's name (core/result-file.ts `content.congress.name`), e.g.
 * 「中国共产党青山镇第十五次代表大会」; the district official types 「青山镇」 from the paper form.
 * The rule: NFKC (full-width letters and digits as their plain forms), every space taken out,
 * then the party's name in front (中国共产党 / 中共) and the congress's name behind
 * (第…次代表大会 / 代表大会 / 党员代表大会 / 党代会) taken off. What is left must be equal, never
 * "contains": 青山镇 is not 青山镇东.
 */
const PARTY = /^(中国共产党|中共)/u;
const CONGRESS = /(第[0-9〇零一二三四五六七八九十百]+(届|次))?(党员)?(代表大会|党代会)$/u;

export function townshipOf(name: string): string {
  const plain = name.normalize('NFKC').replace(/\s+/gu, '');
  const core = plain.replace(PARTY, '').replace(CONGRESS, '');
  return core === '' ? plain : core;
}
