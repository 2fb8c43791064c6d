package main

import (
	"net/url"
	"strconv"
)

// The page's URL holds its whole state (query, filters, dates, sort, page,
// the facets opened further), so that back, forward and a shared link all
// show the same page. These build the links that change one part of it.

func cloneValues(v url.Values) url.Values {
	w := url.Values{}
	for k, vs := range v {
		w[k] = append([]string(nil), vs...)
	}
	return w
}

// without drops one value of key, and the page and cursor that no longer
// fit the new results.
func without(v url.Values, key, val string) url.Values {
	w := cloneValues(v)
	w.Del(key)
	for _, x := range v[key] {
		if x != val {
			w.Add(key, x)
		}
	}
	return restart(w)
}

// restart drops the page and the cursor: the results change.
func restart(w url.Values) url.Values {
	w.Del("page")
	w.Del("after")
	return w
}

func withPage(v url.Values, page int) url.Values {
	w := cloneValues(v)
	w.Del("after")
	w.Set("page", strconv.Itoa(page))
	if page == 1 {
		w.Del("page")
	}
	return w
}

// withDates sets the date range, or clears it where from and to are empty.
func withDates(v url.Values, from, to string) url.Values {
	w := cloneValues(v)
	w.Del("from")
	w.Del("to")
	if from != "" {
		w.Set("from", from)
	}
	if to != "" {
		w.Set("to", to)
	}
	return restart(w)
}

func pageURL(v url.Values) string {
	return pathURL("/", v)
}

func pathURL(path string, v url.Values) string {
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}
