import { describe, expect, it } from 'vitest';
import { questionWords } from './question-words.js';

const focus = (question: string) => [...questionWords(question).focus];
const verbs = (question: string) => [...questionWords(question).verbs];

describe('questionWords: focus', () => {
  it('is the nouns a what- or which-question asks about', () => {
    expect(focus("What's the wifi password at the Amsterdam meet-up hotel?")).toEqual(['wifi', 'password']);
    expect(focus('what node version does vite need?')).toEqual(['node', 'version']);
    expect(focus('Which env variables end up in the client bundle?')).toContain('variables');
    expect(focus('What is the oldest Safari version supported?')).toEqual(['safari', 'version']);
  });

  it('goes on past a possessive to the noun it qualifies', () => {
    expect(focus("what's the bot's wifi requirement?")).toEqual(['bot', 'wifi', 'requirement']);
  });

  it('holds the nouns of a compound, wherever it stands', () => {
    expect(focus('How many days of paid jury duty leave do we get?')).toEqual(['jury', 'duty', 'leave']);
    expect(focus('How do I get visa sponsorship to relocate?')).toEqual(['visa', 'sponsorship']);
  });

  it('is empty when no what or which asks for a thing and no nouns stand together', () => {
    expect(focus('How do I open the server from my phone?')).toEqual([]);
    expect(focus('Is Kandji spying on what I do on my laptop?')).toEqual([]);
  });
});

describe('questionWords: verbs', () => {
  it('are the verbs the question is asked with', () => {
    expect(verbs('how do I make pnpm go through a SOCKS5 proxy at work?')).toEqual(expect.arrayContaining(['make', 'go']));
    expect(verbs('how do I make pnpm go through a SOCKS5 proxy at work?')).not.toContain('proxy');
  });

  it('leave out a word of an identifier or a path the tagger reads as a verb', () => {
    expect(verbs('there are two copies of @types/react in the monorepo, how do we fix this?')).not.toContain('react');
    expect(verbs('there are two copies of @types/react in the monorepo, how do we fix this?')).toContain('fix');
  });
});
