/** The evaluation code (test collections, runs, metrics), as `loadEvaluation` hands it out. */
export { runCollection } from './run-collection.js';
export { evaluateSeedAnswers } from './seed-eval.js';
export { readCollectionDocuments, readCollectionQueries } from './trec-collection.js';
export { evaluateRun, parseQrels } from './trec-metrics.js';
