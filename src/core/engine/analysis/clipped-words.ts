/**
 * Words that technical writing and chat clip, as their stems, each with the stem of the word it clips:
 * "repo" is a repository, "env" an environment, "deps" are dependencies. WordNet knows none of them,
 * so "how do I set an env variable?" missed "environment variables", and "repo" missed "repository".
 * Both are analysed to one term, in the documents and in questions alike, as the stemmer does for
 * "configure" and "configuration". Only clippings with one reading: not "app" (an application, or
 * the `app` of every code sample), "dev" (development or developer), "auth" (authentication or
 * authorization), "prod" (production or product), "lib" (a library, or the lib/ folder).
 */
export const CLIPPED_STEMS: ReadonlyMap<string, string> = new Map([
  ['repo', 'repositori'],
  ['env', 'environ'],
  ['dir', 'directori'],
  ['dep', 'depend'],
  ['arg', 'argument'],
  ['db', 'databas'],
  ['pkg', 'packag'],
  ['msg', 'messag'],
  ['impl', 'implement'],
  ['admin', 'administr'],
  ['config', 'configur'],
  ['perf', 'perform'],
]);
