/**
 * The matcher's evaluation harness: scores the labelled data of {@code ../shared/data/eval}
 * (analyst-judged name pairs, UN persons with typos, persons on no list, cross-script pairs,
 * spellings of one name) and reports precision, recall, F1, false-positive rates and every error
 * with its explanation, as text, JSON and a precision-recall chart. {@code scrutiny evaluate}
 * runs it; {@link edu.scrutiny.matching.evaluation.Evaluation} is the entry point.
 */
package edu.scrutiny.matching.evaluation;
