/**
 * What kind of thing a question asks for, from its wh-word: a number ("how many", "how much"), a time
 * ("when", "what year"), a length of time ("how long", "how often"), or a name ("who", "where",
 * "whose"). `undefined` for the rest ("why", "how do I", "which", "what is"): any sentence can answer
 * those, so the highlight goes by the question's words alone.
 */
export type AnswerType = 'number' | 'time' | 'duration' | 'name';

const PATTERNS: ReadonlyArray<[RegExp, AnswerType]> = [
  [/\bhow (?:many|much)\b|\bwhat (?:percentage|share|amount|number)\b/i, 'number'],
  [/\bhow (?:long|often|soon)\b/i, 'duration'],
  [/\bwhen\b|\bwhat (?:year|month|day|date|time)\b/i, 'time'],
  [/\bwho(?:m|se)?\b|\bwhere\b/i, 'name'],
];

export function answerTypeOf(question: string): AnswerType | undefined {
  for (const [pattern, type] of PATTERNS) if (pattern.test(question)) return type;
  return undefined;
}
