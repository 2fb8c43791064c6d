package search

// How Dateline ranks, and why not as bleve does out of the box.
//
// bleve v2.6.1 with ScoringModel "bm25" departs from BM25 in four ways,
// which together put a first ranking (title^2 OR body, match queries) at
// nDCG@10 0.590 on SciFact against 0.693 for SQLite FTS5's bm25:
//
//   - avgdl is ceil(distinct terms in the field's dictionary / documents)
//     (searcher/search_term.go, bm25ScoreMetrics, fed by
//     IndexSnapshot.FieldCardinality): it counts each word of the
//     vocabulary once (once per segment), not the tokens. On SciFact that
//     makes avgdl a few tokens where abstracts hold about 150, so every
//     document looks many times longer than average, and the length
//     normalisation b·dl/avgdl swamps the term frequency: short
//     documents win whatever they say;
//   - the term frequency enters as √tf (scorer_term.go, docScore), a
//     tf-idf habit, so repetition counts less than BM25 means it to;
//   - a disjunction normalises its clauses' weights (SetQueryNorm) and
//     each term's score is multiplied by its queryWeight = boost · idf ·
//     queryNorm, so the idf counts squared;
//   - a disjunction multiplies its sum by coord = matched/total clauses,
//     which BM25 has not had since Lucene 7.
//
// And beyond bleve: two BM25 scores added up, one for a short title that
// saturates on one occurrence and one for the body, rank worse than one
// BM25 over both with the title weighted (BM25F).
//
// Dateline therefore scores plain words itself (bm25.go): Okapi BM25 with
// k1 1.2 and b 0.75, the query's term frequency, on one field, text, that
// holds the title twice and the body (BM25F with the title weighted 2: a
// title occurrence counts as two and the length includes the title twice,
// as Lucene's BM25FQuery and SQLite's bm25(2, 1) do), with avgdl from
// exact token counts (rank_stats.go, kept per segment), the document
// length from bleve's norm, and no coord (sumQuery). Query words found within five
// positions of each other add a BM25TP proximity score (proximity.go).
// The exact counts are also handed to bleve's own term scorers through the
// search context (search.BM25StatsKey), for phrases, prefixes and fuzzy
// words.
//
// On SciFact (bench relevance): bleve as first used 0.5902 / recall@100
// 0.8626; exact BM25F 0.6906 / 0.9249; with proximity, hyphens, variants
// and the Porter stemmer 0.7015 / 0.9359; with the gazetteer's place
// spellings 0.7023 / 0.9359.
