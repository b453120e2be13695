// Discord's limits, in one place. Sources:
// - Embeds: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
// - Message content: https://discord.com/developers/docs/resources/message#create-message (2,000 characters)
// - custom_id: https://discord.com/developers/docs/components/reference#anatomy-of-a-component (1–100 characters)
// - Buttons per action row: https://discord.com/developers/docs/components/reference#action-row (5)
// - Autocomplete: https://discord.com/developers/docs/interactions/application-commands#autocomplete
//   (at most 25 choices; a choice's name and string value hold 1–100 characters)
// - Text input: https://discord.com/developers/docs/components/reference#text-input (value up to 4,000 characters)
// - Label description: https://discord.com/developers/docs/components/reference#label (up to 100 characters)
// - Response time: https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
//   (3 s to the first response; a deferred interaction's token lasts 15 minutes)

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name. */
  total: 6000,
} as const;

export const MESSAGE_CONTENT_MAX = 2000;
export const CUSTOM_ID_MAX = 100;
export const AUTOCOMPLETE_MAX_CHOICES = 25;
export const CHOICE_TEXT_MAX = 100;
export const TEXT_INPUT_MAX = 4000;
/** Discord's own limit on a string option is 6,000; /ask asks for less (a question, not a document). */
export const QUESTION_OPTION_MAX = 300;
