export type Source = { slot: number } | { winnerOf: string } | { loserOf: string };

export type BracketStage =
  'winners' | 'losers' | 'final' | 'third-place' | 'grand-final' | 'grand-final-reset';

/**
 * One match of an elimination bracket. The values order teams for final places: a team's value is
 * the value of the last match it is in (reach while it waits or plays, loser/winner once decided);
 * a higher value is a better place. Matches are listed so that every source comes before its use.
 */
export interface BracketMatch {
  id: string;
  stage: BracketStage;
  round: number;
  a: Source;
  b: Source;
  reachValue: number;
  loserValue: number;
  winnerValue: number;
  /** Played only when the lower-bracket team (b) wins the grand final. */
  onlyIfBWins?: string;
}

function log2(size: number): number {
  return Math.round(Math.log2(size));
}

/** Single elimination over `size` slots (a power of two): R1 … R<k> (the final), and a third-place match. */
export function singleEliminationMatches(size: number, thirdPlace: boolean): BracketMatch[] {
  const rounds = log2(size);
  const matches: BracketMatch[] = [];
  for (let round = 1; round <= rounds; round++) {
    const count = size >> round;
    for (let i = 1; i <= count; i++) {
      const a: Source =
        round === 1 ? { slot: 2 * i - 2 } : { winnerOf: `R${round - 1}-M${2 * i - 1}` };
      const b: Source = round === 1 ? { slot: 2 * i - 1 } : { winnerOf: `R${round - 1}-M${2 * i}` };
      const value = 10 * round;
      matches.push({
        id: `R${round}-M${i}`,
        stage: round === rounds ? 'final' : 'winners',
        round,
        a,
        b,
        reachValue: value,
        loserValue: value,
        winnerValue: round === rounds ? value + 5 : value + 10,
      });
    }
  }
  if (thirdPlace && rounds >= 2) {
    const value = 10 * (rounds - 1);
    matches.push({
      id: '3P',
      stage: 'third-place',
      round: rounds,
      a: { loserOf: `R${rounds - 1}-M1` },
      b: { loserOf: `R${rounds - 1}-M2` },
      reachValue: value,
      loserValue: value + 1,
      winnerValue: value + 2,
    });
  }
  return matches;
}

const UNBEATEN = 1_000_000;
const ONE_LOSS = 500_000;
const FINALIST = 2_000_000;
const CHAMPION = 3_000_000;

/**
 * Double elimination over `size` slots: winners' bracket W1…W<k>, losers' bracket L1…L<2k-2> (odd
 * rounds pair the survivors, even rounds bring in the losers of the next winners' round, in reverse
 * order every other round to avoid early rematches), a grand final, and a reset if the losers'
 * bracket team wins it.
 */
export function doubleEliminationMatches(size: number): BracketMatch[] {
  const k = log2(size);
  const matches: BracketMatch[] = [];
  for (let round = 1; round <= k; round++) {
    for (let i = 1; i <= size >> round; i++) {
      matches.push({
        id: `W${round}-M${i}`,
        stage: 'winners',
        round,
        a: round === 1 ? { slot: 2 * i - 2 } : { winnerOf: `W${round - 1}-M${2 * i - 1}` },
        b: round === 1 ? { slot: 2 * i - 1 } : { winnerOf: `W${round - 1}-M${2 * i}` },
        reachValue: UNBEATEN + round,
        loserValue: ONE_LOSS,
        winnerValue: UNBEATEN + round + 1,
      });
    }
  }
  const lbRounds = 2 * (k - 1);
  for (let j = 1; j <= lbRounds; j++) {
    const count = size >> (Math.floor((j + 1) / 2) + 1);
    for (let i = 1; i <= count; i++) {
      let a: Source;
      let b: Source;
      if (j === 1) {
        a = { loserOf: `W1-M${2 * i - 1}` };
        b = { loserOf: `W1-M${2 * i}` };
      } else if (j % 2 === 0) {
        const wbRound = j / 2 + 1;
        const from = (j / 2) % 2 === 1 ? count + 1 - i : i;
        a = { winnerOf: `L${j - 1}-M${i}` };
        b = { loserOf: `W${wbRound}-M${from}` };
      } else {
        a = { winnerOf: `L${j - 1}-M${2 * i - 1}` };
        b = { winnerOf: `L${j - 1}-M${2 * i}` };
      }
      matches.push({
        id: `L${j}-M${i}`,
        stage: 'losers',
        round: j,
        a,
        b,
        reachValue: ONE_LOSS + j,
        loserValue: j,
        winnerValue: ONE_LOSS + j + 1,
      });
    }
  }
  const lowerChampion: Source =
    lbRounds > 0 ? { winnerOf: `L${lbRounds}-M1` } : { loserOf: 'W1-M1' };
  matches.push({
    id: 'GF',
    stage: 'grand-final',
    round: 1,
    a: { winnerOf: `W${k}-M1` },
    b: lowerChampion,
    reachValue: FINALIST,
    loserValue: FINALIST,
    winnerValue: CHAMPION,
  });
  matches.push({
    id: 'GF2',
    stage: 'grand-final-reset',
    round: 2,
    a: { winnerOf: `W${k}-M1` },
    b: lowerChampion,
    reachValue: FINALIST + 1,
    loserValue: FINALIST,
    winnerValue: CHAMPION,
    onlyIfBWins: 'GF',
  });
  return matches;
}
