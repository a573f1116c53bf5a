import { describe, expect, it } from 'vitest';
import { election } from '../../../tests/db/election-setup.js';
import { resultLines } from './result-lines.js';

/** Ten present, two seats: 田富 and 田大利 pass (6 of 10), a written-in 赵六 does not. */
async function counted() {
  const e = await election({ voters: 10, seats: 2 });
  await e.open();
  for (let i = 0; i < 6; i++) await e.enter('ooxx');
  for (let i = 0; i < 4; i++) await e.enter('oxxx', { writeIns: [{ name: '赵六', mark: 'circle' }] });
  return { result: await e.call('rounds.result', { roundId: e.roundId }), candidates: e.candidates };
}

describe('resultLines: a round result as the panel and the count form list it', () => {
  it('lists the candidates in paper order, then the written-in names, numbered on', async () => {
    const { result, candidates } = await counted();
    const lines = resultLines(result, candidates);
    expect(lines.map((l) => [l.no, l.name, l.writeIn])).toEqual([
      [1, '田富', false],
      [2, '田大利', false],
      [3, '王芳', false],
      [4, '李强', false],
      [5, '赵六', true],
    ]);
    expect(lines[0]).toMatchObject({ for: 10, against: 0, abstain: 0, elected: true, passed: true });
    expect(lines[2]).toMatchObject({ for: 0, against: 10, elected: false, passed: false });
    // A written-in name has only 赞成 (rule 4).
    expect(lines[4]).toMatchObject({ for: 4, against: null, abstain: null, elected: false, passed: false });
  });

  it('marks as elected only those of the list it is given (a void round elects nobody)', async () => {
    const { result, candidates } = await counted();
    const lines = resultLines(result, candidates, []);
    expect(lines.filter((l) => l.elected)).toEqual([]);
    expect(lines.filter((l) => l.passed).map((l) => l.name)).toEqual(['田富', '田大利']);
  });
});
