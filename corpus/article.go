// Package corpus turns news input (web pages, Reuters SGML, JSON Lines and
// plain text) into articles: their metadata, publication date, body, and the
// speakers, quotes and regions found in them.
//
// It is the leaf of Dateline: it knows nothing of the index or the server.
package corpus

import (
	"time"
)

// Article is one news article as Dateline indexes it.
type Article struct {
	// ID identifies the article across the index; an article with an ID
	// already indexed replaces the earlier one.
	ID    string `json:"id"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title"`
	// Body is the article's text, paragraphs separated by a blank line.
	Body      string    `json:"body"`
	Published time.Time `json:"published,omitzero"`
	Author    string    `json:"author,omitempty"`
	Site      string    `json:"site,omitempty"`
	// Dateline is the place line that opens a news story ("KYIV, April 11").
	Dateline string `json:"dateline,omitempty"`
	Language string `json:"language,omitempty"`
	// Speakers are the canonical names of the people and organisations
	// quoted or reported as saying something.
	Speakers []string `json:"speakers"`
	// Regions are the canonical names of the places the article is about.
	Regions []string `json:"regions"`
	Quotes  []Quote  `json:"quotes,omitempty"`
	// Source is the file or address the article was read from.
	Source string `json:"source,omitempty"`
}

// Quote is one quotation or reported statement and who made it.
type Quote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	// Role is what the article calls the speaker ("Kremlin spokesman").
	Role string `json:"role,omitempty"`
	// Cue is the verb that introduced the statement ("said", "told").
	Cue string `json:"cue,omitempty"`
	// Offset is the byte offset of the quote in Body.
	Offset int `json:"offset"`
	// Direct is true for a verbatim quotation, false for reported speech.
	Direct bool `json:"direct"`
	// Kind is what speaks: KindPerson, KindOrganisation, KindAnonymous or
	// KindState. Only people and named organisations become Speakers.
	Kind string `json:"kind,omitempty"`
}

// Paragraphs splits the body into its paragraphs.
func (a *Article) Paragraphs() []string {
	return splitParagraphs(a.Body)
}
