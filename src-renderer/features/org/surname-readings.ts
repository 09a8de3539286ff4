/**
 * Surnames read two ways. The index rows carry the dictionary's surname reading only (召 = shao,
 * 曾 = zeng), but clerks type what they hear or what the name looks like (zhao, ceng): both must
 * find the person. Each entry lists the readings a clerk may type; the first is the usual surname one.
 */
export const POLYPHONIC_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  召: ['shao', 'zhao'],
  单: ['shan', 'dan'],
  曾: ['zeng', 'ceng'],
  区: ['ou', 'qu'],
  仇: ['qiu', 'chou'],
  解: ['xie', 'jie'],
  朴: ['piao', 'pu'],
  查: ['zha', 'cha'],
  尉: ['wei', 'yu'],
  乐: ['yue', 'le'],
  盖: ['ge', 'gai'],
  缪: ['miao', 'mou'],
  覃: ['qin', 'tan'],
  翟: ['zhai', 'di'],
  谌: ['chen', 'shen'],
  隗: ['wei', 'kui'],
  种: ['chong', 'zhong'],
  员: ['yun', 'yuan'],
  秘: ['bi', 'mi'],
  薄: ['bo', 'bao'],
  繁: ['po', 'fan'],
  任: ['ren'],
  长: ['chang', 'zhang'],
};

/** Two-character surnames whose first character is one of the above but read differently (尉迟 = yuchi). */
const COMPOUND_SURNAMES = ['尉迟', '单于', '长孙', '万俟'];

export interface Readings {
  pinyin: string[];
  initials: string[];
}

/**
 * The row's readings plus the same readings with the surname swapped for its other readings. Only
 * readings that start with one of the surname's known readings are swapped, so a dictionary
 * surprise never produces garbage.
 */
export function withSurnameReadings(name: string, pinyin: string[], initials: string[]): Readings {
  const first = name.charAt(0);
  const alts = POLYPHONIC_SURNAMES[first];
  if (!alts || alts.length < 2 || COMPOUND_SURNAMES.some((c) => name.startsWith(c))) {
    return { pinyin, initials };
  }
  const py = new Set(pinyin);
  const ini = new Set(initials);
  for (const reading of pinyin) {
    // Longest first: 'zhang' before a hypothetical 'zha'.
    const own = [...alts].sort((a, b) => b.length - a.length).find((a) => reading.startsWith(a));
    if (own === undefined) continue;
    for (const alt of alts) py.add(alt + reading.slice(own.length));
  }
  if (py.size > pinyin.length) {
    for (const i of initials) {
      if (!alts.some((a) => a.charAt(0) === i.charAt(0))) continue;
      for (const alt of alts) ini.add(alt.charAt(0) + i.slice(1));
    }
  }
  return { pinyin: [...py], initials: [...ini] };
}
