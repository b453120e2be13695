import { CUSTOM_ID_MAX } from './render/discord-limits.js';

/**
 * Everything a button or modal carries, as a short custom_id (Discord allows 100 characters). State that
 * does not fit (the question, the cited passages) lives in the store under the answer's id, so buttons
 * keep working after a restart.
 */
export type CustomId =
  | { kind: 'answer-more'; answerId: string; page: number }
  | { kind: 'answer-source'; answerId: string; rank: number }
  | { kind: 'answer-vote'; answerId: string; vote: 1 | -1 }
  | { kind: 'answer-share'; answerId: string }
  | { kind: 'docs-page'; page: number }
  | { kind: 'remove-confirm'; docId: string }
  | { kind: 'remove-cancel'; docId: string }
  | { kind: 'add-modal' }
  | { kind: 'upload-replace'; token: string; docId: string }
  | { kind: 'upload-new'; token: string }
  | { kind: 'upload-cancel'; token: string };

export function encodeCustomId(id: CustomId): string {
  const encoded = encode(id);
  if (encoded.length > CUSTOM_ID_MAX) throw new Error(`custom_id longer than ${CUSTOM_ID_MAX} characters: ${encoded}`);
  return encoded;
}

function encode(id: CustomId): string {
  switch (id.kind) {
    case 'answer-more':
      return `ans:${id.answerId}:more:${id.page}`;
    case 'answer-source':
      return `ans:${id.answerId}:src:${id.rank}`;
    case 'answer-vote':
      return `ans:${id.answerId}:${id.vote === 1 ? 'up' : 'down'}`;
    case 'answer-share':
      return `ans:${id.answerId}:share`;
    case 'docs-page':
      return `docs:page:${id.page}`;
    case 'remove-confirm':
      return `rm:yes:${id.docId}`;
    case 'remove-cancel':
      return `rm:no:${id.docId}`;
    case 'add-modal':
      return 'add:modal';
    case 'upload-replace':
      return `up:${id.token}:rep:${id.docId}`;
    case 'upload-new':
      return `up:${id.token}:new`;
    case 'upload-cancel':
      return `up:${id.token}:cancel`;
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}

const ANSWER_ID = '[A-Za-z0-9_-]{1,32}';
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => CustomId]> = [
  [new RegExp(`^ans:(${ANSWER_ID}):more:(\\d{1,3})$`), (m) => ({ kind: 'answer-more', answerId: m[1]!, page: Number(m[2]) })],
  [new RegExp(`^ans:(${ANSWER_ID}):src:(\\d{1,3})$`), (m) => ({ kind: 'answer-source', answerId: m[1]!, rank: Number(m[2]) })],
  [new RegExp(`^ans:(${ANSWER_ID}):(up|down)$`), (m) => ({ kind: 'answer-vote', answerId: m[1]!, vote: m[2] === 'up' ? 1 : -1 })],
  [new RegExp(`^ans:(${ANSWER_ID}):share$`), (m) => ({ kind: 'answer-share', answerId: m[1]! })],
  [/^docs:page:(\d{1,4})$/, (m) => ({ kind: 'docs-page', page: Number(m[1]) })],
  [/^rm:yes:([a-z0-9-]{1,64})$/, (m) => ({ kind: 'remove-confirm', docId: m[1]! })],
  [/^rm:no:([a-z0-9-]{1,64})$/, (m) => ({ kind: 'remove-cancel', docId: m[1]! })],
  [/^add:modal$/, () => ({ kind: 'add-modal' })],
  [/^up:([A-Za-z0-9_-]{12}):rep:([a-z0-9-]{1,64})$/, (m) => ({ kind: 'upload-replace', token: m[1]!, docId: m[2]! })],
  [/^up:([A-Za-z0-9_-]{12}):new$/, (m) => ({ kind: 'upload-new', token: m[1]! })],
  [/^up:([A-Za-z0-9_-]{12}):cancel$/, (m) => ({ kind: 'upload-cancel', token: m[1]! })],
];

/** The parsed custom_id, or undefined for one this bot never made. */
export function parseCustomId(raw: string): CustomId | undefined {
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(raw);
    if (m) return make(m);
  }
  return undefined;
}
