package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/registry"
)

// NewsName is the name of the news English analyzer in bleve's registry.
const NewsName = "dateline_news_en"

// NewNews builds the news English analyzer from the registry's cache: the
// Unicode word tokenizer with hyphenated words also joined (HyphenTokenizer),
// English possessives removed ("Putin's" → "putin"), variant spellings and
// synonyms made one term (VariantFilter, which needs the original case),
// lower case, folding, English stop words, and the Snowball English
// stemmer. Folding comes before the stop words and the stemmer so that both
// see plain letters, and the variants before the stemmer so that every
// spelling stems alike.
func NewNews(cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, err
	}
	var filters []analysis.TokenFilter
	for _, name := range []string{en.PossessiveName, VariantsName, lowercase.Name, FoldName, en.StopName, en.SnowballStemmerName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		filters = append(filters, f)
	}
	return &analysis.DefaultAnalyzer{Tokenizer: tokenizer, TokenFilters: filters}, nil
}

func init() {
	registry.RegisterAnalyzer(NewsName, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		return NewNews(cache)
	})
}
