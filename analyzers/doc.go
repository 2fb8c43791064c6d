// Package analyzers holds Dateline's bleve analysis components: the news
// English analyzer used for titles, bodies and quotes, and the token filters
// it is made of. Each component registers itself with bleve's registry in
// init, under a name in Dateline's own namespace ("dateline_…"), so every
// program that opens an index must import this package.
package analyzers
