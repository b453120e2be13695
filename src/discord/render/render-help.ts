import { EMBED_COLOR, type MessageView } from './message-view.js';

/** `/help` (ephemeral): what footnote does, its commands, and what it keeps about people, for how long. */
export function renderHelp(retentionDays: number): MessageView {
  return {
    embeds: [
      {
        color: EMBED_COLOR,
        title: 'footnote',
        description:
          'I answer questions by quoting the passages of this server\'s sources that answer them, each cited to the sentence, with a link where the source has one. If the sources don\'t cover a question, I say so instead of guessing.',
        fields: [
          { name: '/ask question:<text> [private]', value: 'Ask a question. `private:true` shows the answer only to you; you can then share it to the channel.' },
          { name: '/docs list · /docs show', value: 'The documents answers come from, and any passage of one.' },
          {
            name: '/curate (moderators)',
            value:
              '`add` a file (txt, md, html, pdf, docx), a URL or pasted text · `remove` a document · `unanswered` questions · `settings`. Needs Manage Server; admins can change that under Server Settings → Integrations.',
          },
          {
            name: 'What I keep',
            value: `Questions you ask, with your user id and name (so answer buttons work), and your 👍/👎 votes: deleted after ${retentionDays} days. Unanswered questions are kept without who asked them. Documents moderators add are kept with their username until removed.`,
          },
        ],
        footer: { text: 'In DMs I answer from the shared corpus only.' },
      },
    ],
    ephemeral: true,
  };
}
