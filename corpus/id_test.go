package corpus

import "testing"

func TestStableID(t *testing.T) {
	tests := []struct {
		name string
		a, b Article
		same bool
	}{
		{"url wins over text", Article{URL: "https://news.example/a#top", Title: "x"}, Article{URL: "https://news.example/a", Title: "y"}, true},
		{"re-wrapped text", Article{Title: "Port  reopens", Body: "Ships\nsail."}, Article{Title: "Port reopens", Body: "Ships sail."}, true},
		{"other text", Article{Title: "Port reopens", Body: "Ships sail."}, Article{Title: "Port reopens", Body: "Ships wait."}, false},
		{"relative url is not an id", Article{URL: "/a", Title: "x"}, Article{URL: "/b", Title: "x"}, true},
		{"title and body kept apart", Article{Title: "a b", Body: "c"}, Article{Title: "a", Body: "b c"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ga, gb := StableID(&tt.a), StableID(&tt.b)
			if (ga == gb) != tt.same {
				t.Errorf("StableID = %q and %q, want same = %v", ga, gb, tt.same)
			}
		})
	}
	if got, want := StableID(&Article{URL: "https://news.example/a#x"}), "https://news.example/a"; got != want {
		t.Errorf("StableID(url) = %q, want %q", got, want)
	}
}
