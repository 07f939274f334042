import type { AnswerResult } from '../answer.js';
import { resultJson } from '../answer.js';
import type { Filters } from '../search/filters.js';

/** Why a coverage question cannot be answered, in words for the person who asked. */
export interface Refusal {
  error: string;
}

/** One day of a timeline: the statements first reported that day (publication date), oldest first. */
export interface TimelineDay {
  /** YYYY-MM-DD, or null for articles without a date (they come last). */
  date: string | null;
  results: AnswerResult[];
}

/** What one person said, day by day (/timeline): a page of `total` statements from `offset`. */
export interface Timeline {
  speaker: string;
  topic: string[];
  days: TimelineDay[];
  total: number;
  offset: number;
  filters: Filters | null;
}

/** One side of /compare: a person's statements on the topic, best first. */
export interface Column {
  speaker: string;
  results: AnswerResult[];
  total: number;
}

/** Two people's statements side by side (/compare); both columns page together from `offset`. */
export interface Comparison {
  topic: string[];
  columns: [Column, Column];
  offset: number;
  filters: Filters | null;
}

/** Who said these words (/whosaid): the closest statements, best first, each by its earliest report. */
export interface QuoteAnswer {
  quote: string;
  results: AnswerResult[];
  total: number;
  offset: number;
}

const filtersJson = (filters: Filters | null) => (filters ? { filters: { since: filters.since, until: filters.until, outlets: filters.outlets } } : {});

/** Contracts §5: {"speaker","days":[{"date","results"}]} (the console adds "command"). */
export function timelineJson(timeline: Timeline): object {
  return {
    speaker: timeline.speaker, topic: timeline.topic.join(' ') || null, total: timeline.total,
    days: timeline.days.map((day) => ({ date: day.date, results: day.results.map(resultJson) })),
    ...filtersJson(timeline.filters),
  };
}

/** Contracts §5: {"topic","columns":[{"speaker","results"},…]}. */
export function comparisonJson(comparison: Comparison): object {
  return {
    topic: comparison.topic.join(' ') || null,
    columns: comparison.columns.map((column) => ({ speaker: column.speaker, total: column.total, results: column.results.map(resultJson) })),
    ...filtersJson(comparison.filters),
  };
}

/** Contracts §5: {"quote","results"}. */
export function quoteAnswerJson(answer: QuoteAnswer): object {
  return { quote: answer.quote, total: answer.total, results: answer.results.map(resultJson) };
}
