import { describe, expect, it } from 'vitest';
import { questionWords } from './question-words.js';

const focus = (question: string) => [...questionWords(question).focus];
const phrasing = (question: string) => [...questionWords(question).phrasing];

describe('questionWords: focus', () => {
  it('is the nouns a what-, which- or how-many-question asks about, and what they are "of"', () => {
    expect(focus("What's the wifi password at the Amsterdam meet-up hotel?")).toEqual(['wifi', 'password']);
    expect(focus('how many weeks of sabbatical do we get after five years?')).toEqual(['weeks', 'sabbatical']);
    expect(focus('how much of the stipend is left?')).toEqual([]);
    expect(focus('what node version does vite need?')).toEqual(['node', 'version']);
    expect(focus('Which env variables end up in the client bundle?')).toContain('variables');
    expect(focus('What is the oldest Safari version supported?')).toEqual(['safari', 'version']);
  });

  it('goes on past a possessive to the noun it qualifies', () => {
    expect(focus("what's the bot's wifi requirement?")).toEqual(['bot', 'wifi', 'requirement']);
  });

  it('holds the nouns of a compound, wherever it stands', () => {
    expect(focus('How many days of paid jury duty leave do we get?')).toEqual(['days', 'jury', 'duty', 'leave']);
    expect(focus('How do I get visa sponsorship to relocate?')).toEqual(['visa', 'sponsorship']);
  });

  it('never holds a noun that names nothing in particular ("work stuff")', () => {
    expect(focus('My phone with work stuff on it got stolen on the train. Who do I tell?')).not.toContain('stuff');
    expect(focus('what kind of laptop stuff do we get?')).toEqual(expect.arrayContaining(['laptop']));
    expect(focus('what kind of laptop stuff do we get?')).not.toContain('kind');
  });

  it('is empty when no what or which asks for a thing and no nouns stand together', () => {
    expect(focus('How do I open the server from my phone?')).toEqual([]);
    expect(focus('Is Kandji spying on what I do on my laptop?')).toEqual([]);
  });
});

describe('questionWords: phrasing', () => {
  it('is the verbs, adverbs and prepositions the question is asked with, not what it is about', () => {
    expect(phrasing('how do I make pnpm go through a SOCKS5 proxy at work?')).toEqual(expect.arrayContaining(['make', 'go', 'through']));
    expect(phrasing('how do I make pnpm go through a SOCKS5 proxy at work?')).not.toContain('proxy');
    expect(phrasing('no US retirement plan. Do I still get some kind of retirement match?')).toContain('still');
    expect(phrasing('no US retirement plan. Do I still get some kind of retirement match?')).not.toContain('retirement');
  });

  it('leaves out a word of an identifier or a path the tagger reads as a verb', () => {
    expect(phrasing('there are two copies of @types/react in the monorepo, how do we fix this?')).not.toContain('react');
    expect(phrasing('there are two copies of @types/react in the monorepo, how do we fix this?')).toContain('fix');
  });
});
